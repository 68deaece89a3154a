package lookout.bot.wiring;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lookout.agent.cluster.ClusterConnector;
import lookout.agent.cluster.ClusterProbe;
import lookout.agent.cluster.ClusterTarget;
import lookout.bot.config.LookoutConfig;

/**
 * The configured clusters as fabric8 clients, by name. A sandbox cluster is started here and
 * stopped on close; a real cluster is reached only through the kubeconfig or service account its
 * config names.
 */
final class Clusters implements AutoCloseable {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final ClusterConnector connector = new ClusterConnector();
  private final Map<String, KubernetesClient> clients = new LinkedHashMap<>();

  static Clusters open(LookoutConfig config) {
    Clusters clusters = new Clusters();
    try {
      for (LookoutConfig.Cluster c : config.clusters()) {
        clusters.clients.put(c.name(), clusters.connector.connect(target(c)));
      }
      return clusters;
    } catch (RuntimeException e) {
      clusters.close();
      throw e;
    }
  }

  private static ClusterTarget target(LookoutConfig.Cluster c) {
    return switch (c.mode()) {
      case SANDBOX -> ClusterTarget.sandbox(c.name());
      case KUBECONFIG ->
          ClusterTarget.kubeconfig(
              c.name(), c.kubeconfig().orElseThrow(), c.context().orElse(null));
      case IN_CLUSTER -> ClusterTarget.inCluster(c.name());
    };
  }

  Map<String, KubernetesClient> clients() {
    return Map.copyOf(clients);
  }

  /**
   * Each cluster → whether it answers a cheap request within two seconds; probed in parallel, so a
   * cluster that hangs costs two seconds, not two per cluster.
   */
  Map<String, Boolean> reachability() {
    Map<String, Future<Boolean>> probes = new LinkedHashMap<>();
    Map<String, Boolean> out = new LinkedHashMap<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      clients.forEach(
          (name, client) ->
              probes.put(
                  name,
                  threads.submit(() -> ClusterProbe.check(client, PROBE_TIMEOUT).reachable())));
      probes.forEach((name, probe) -> out.put(name, outcome(probe)));
    }
    return out;
  }

  private static boolean outcome(Future<Boolean> probe) {
    try {
      return probe.get();
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    connector.close();
  }
}
