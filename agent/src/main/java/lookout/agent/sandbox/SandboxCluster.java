package lookout.agent.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API server in this JVM for trying Lookout without a cluster: fabric8's mock server
 * in CRUD mode on 127.0.0.1 (random port), seeded with healthy and broken workloads in {@code
 * staging}, {@code prod} and {@code default}. Writes (restart, scale) change its state like a real
 * cluster's; no controllers run, so nothing reconciles afterwards. Starts in about a second.
 *
 * <pre>{@code
 * try (SandboxCluster sandbox = SandboxCluster.start()) {
 *   KubernetesClient client = sandbox.client();
 * }
 * }</pre>
 */
public final class SandboxCluster implements AutoCloseable {
  /** The cluster name the sandbox goes by in answers and actions. */
  public static final String NAME = "sandbox";

  // held so the level set below is not lost when the logger is garbage-collected
  private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SandboxCluster(KubernetesMockServer server, KubernetesClient client) {
    this.server = server;
    this.client = client;
  }

  /**
   * Starts and seeds a sandbox.
   *
   * @throws IllegalStateException when the server cannot start or a seed file is broken
   */
  public static SandboxCluster start() {
    SERVER_LOG.setLevel(Level.WARNING);
    SeedText seed = new SeedText(Instant.now());
    SandboxDispatcher dispatcher = new SandboxDispatcher(new SandboxLogs(seed));
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.start(InetAddress.getLoopbackAddress(), 0);
    KubernetesClient client = null;
    try {
      client = new KubernetesClientBuilder().withConfig(config(server.getPort())).build();
      new SandboxSeed(seed).apply(client);
      return new SandboxCluster(server, client);
    } catch (RuntimeException e) {
      if (client != null) {
        client.close();
      }
      server.shutdown();
      throw e;
    }
  }

  private static Config config(int port) {
    // Config.empty(): never pick up ~/.kube/config, KUBECONFIG or a service account by accident
    return new ConfigBuilder(Config.empty())
        .withMasterUrl("http://127.0.0.1:" + port + "/")
        .withNamespace("default")
        .withConnectionTimeout(2_000)
        .withRequestTimeout(10_000)
        .withRequestRetryBackoffLimit(0)
        .withHttp2Disable(true)
        .build();
  }

  /** A client for the sandbox; owned by the sandbox and closed with it. */
  public KubernetesClient client() {
    return client;
  }

  /** The API server URL, e.g. {@code http://127.0.0.1:41234/}. */
  public String masterUrl() {
    return client.getConfiguration().getMasterUrl();
  }

  /** Stops the server and closes its client; later calls do nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    client.close();
    server.shutdown();
  }
}
