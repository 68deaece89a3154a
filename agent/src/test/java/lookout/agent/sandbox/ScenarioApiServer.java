package lookout.agent.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An API server holding one test scenario: fabric8's mock server in CRUD mode behind the sandbox's
 * dispatcher (pod logs with {@code previous}/{@code tailLines}, event field selectors, {@code
 * dryRun}, {@code /version}), with every request recorded so a test can prove nothing was written.
 *
 * <p>Logs are keyed {@code namespace/pod/container}, previous instances {@code
 * namespace/pod/container#previous}.
 */
public final class ScenarioApiServer implements AutoCloseable {
  private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final Recording recording;

  private ScenarioApiServer(
      KubernetesMockServer server, KubernetesClient client, Recording recording) {
    this.server = server;
    this.client = client;
    this.recording = recording;
  }

  /** One API request as the server saw it: method and path with query. */
  public record Request(String method, String path) {
    /** True for anything that changes, or asks to validate a change of, the cluster. */
    public boolean writes() {
      return !method.equals("GET") && !method.equals("HEAD") || path.contains("dryRun=");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /**
   * Starts a server and creates {@code objects} in it (in order, as {@code kubectl create -f}
   * would), then forgets the seeding requests.
   *
   * @throws IllegalStateException naming the object the server refused
   */
  public static ScenarioApiServer start(List<HasMetadata> objects, Map<String, String> logs) {
    SERVER_LOG.setLevel(Level.WARNING);
    Recording recording = new Recording(new SandboxDispatcher(new MapLogs(Map.copyOf(logs))));
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), recording, false);
    server.start(InetAddress.getLoopbackAddress(), 0);
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config(server)).build();
    try {
      for (HasMetadata object : objects) {
        try {
          client.resource(object).create();
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "while creating "
                  + object.getKind()
                  + " "
                  + object.getMetadata().getName()
                  + ": "
                  + e.getMessage(),
              e);
        }
      }
    } catch (RuntimeException e) {
      client.close();
      server.shutdown();
      throw e;
    }
    recording.clear();
    return new ScenarioApiServer(server, client, recording);
  }

  /** Resolves the sandbox's time placeholders ({@code ${ago:2h}}) against {@code now}. */
  public static String resolveTimes(String text, Instant now) {
    return new SeedText(now).resolve(text);
  }

  private static Config config(KubernetesMockServer server) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl("http://127.0.0.1:" + server.getPort() + "/")
        .withNamespace("default")
        .withConnectionTimeout(2_000)
        .withRequestTimeout(10_000)
        .withRequestRetryBackoffLimit(0)
        .withHttp2Disable(true)
        .build();
  }

  public KubernetesClient client() {
    return client;
  }

  /** The requests since start (after seeding) or the last {@link #takeRequests()}. */
  public List<Request> takeRequests() {
    return recording.take();
  }

  @Override
  public void close() {
    client.close();
    server.shutdown();
  }

  private static final class Recording extends Dispatcher {
    private final Dispatcher inner;
    private final List<Request> seen = new ArrayList<>();

    Recording(Dispatcher inner) {
      this.inner = inner;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      synchronized (seen) {
        seen.add(new Request(request.getMethod(), request.getPath()));
      }
      return inner.dispatch(request);
    }

    void clear() {
      take();
    }

    List<Request> take() {
      synchronized (seen) {
        List<Request> out = List.copyOf(seen);
        seen.clear();
        return out;
      }
    }

    @Override
    public void shutdown() {
      inner.shutdown();
    }
  }

  private record MapLogs(Map<String, String> logs) implements ContainerLogs {
    @Override
    public Optional<String> current(Pod pod, String container) {
      return Optional.ofNullable(logs.get(key(pod, container)));
    }

    @Override
    public Optional<String> previous(Pod pod, String container) {
      return Optional.ofNullable(logs.get(key(pod, container) + "#previous"));
    }

    private static String key(Pod pod, String container) {
      return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + "/" + container;
    }
  }
}
