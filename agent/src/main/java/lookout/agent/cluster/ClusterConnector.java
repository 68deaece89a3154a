package lookout.agent.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import lookout.agent.sandbox.SandboxCluster;

/**
 * Turns {@link ClusterTarget}s into fabric8 clients. Configs are built explicitly from what the
 * target names (never fabric8's auto-configuration, so a stray {@code ~/.kube/config} or {@code
 * KUBECONFIG} cannot redirect Lookout to another cluster). Owns what it creates: {@link #close()}
 * closes the clients and stops any sandbox it started.
 */
public final class ClusterConnector implements AutoCloseable {
  private final Path serviceAccountDir;
  private final UnaryOperator<String> env;
  private final List<AutoCloseable> owned = new ArrayList<>();

  public ClusterConnector() {
    this(InClusterConfig.DEFAULT_DIR, System::getenv);
  }

  /** For tests: where the service account is mounted and how environment variables are read. */
  ClusterConnector(Path serviceAccountDir, UnaryOperator<String> env) {
    this.serviceAccountDir = serviceAccountDir;
    this.env = env;
  }

  /**
   * A client for the target. Does not contact the cluster (see {@link ClusterProbe}).
   *
   * @throws ClusterAccessException naming the cluster and the file, context or variable at fault
   */
  public synchronized KubernetesClient connect(ClusterTarget target) {
    return switch (target.mode()) {
      case SANDBOX -> {
        SandboxCluster sandbox = SandboxCluster.start();
        owned.add(sandbox);
        yield sandbox.client();
      }
      case KUBECONFIG ->
          build(
              target,
              KubeconfigLoader.load(target.name(), target.kubeconfigPath(), target.context()));
      case IN_CLUSTER -> build(target, InClusterConfig.load(target.name(), serviceAccountDir, env));
    };
  }

  /** The config a target resolves to, without creating a client; for diagnostics and tests. */
  Config configFor(ClusterTarget target) {
    return switch (target.mode()) {
      case SANDBOX -> throw new IllegalArgumentException("the sandbox has no external config");
      case KUBECONFIG ->
          KubeconfigLoader.load(target.name(), target.kubeconfigPath(), target.context());
      case IN_CLUSTER -> InClusterConfig.load(target.name(), serviceAccountDir, env);
    };
  }

  private KubernetesClient build(ClusterTarget target, Config config) {
    try {
      KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
      owned.add(client);
      return client;
    } catch (RuntimeException e) {
      throw new ClusterAccessException(
          "cluster " + target.name() + ": cannot create a client: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable c : owned.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        // closing is best effort: one failing client must not keep the others open
      }
    }
    owned.clear();
  }
}
