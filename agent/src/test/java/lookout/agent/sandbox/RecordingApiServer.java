package lookout.agent.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The sandbox's API server (fabric8's mock in CRUD mode behind {@link SandboxDispatcher}: field
 * selectors, logs, dry runs that do not persist) seeded from one test YAML resource, recording
 * every request it serves — so a test can show that answering a question only ever read.
 */
public final class RecordingApiServer implements AutoCloseable {
  /** One request as the server saw it: method, path and query. */
  public record Request(String method, String path) {
    /** True for anything but a plain read: a write, or a read-looking request with dryRun. */
    public boolean writes() {
      return !method.equals("GET") || path.contains("dryRun");
    }
  }

  // held so the level set below is not lost when the logger is garbage-collected
  private static final java.util.logging.Logger SERVER_LOG =
      java.util.logging.Logger.getLogger(MockWebServer.class.getName());

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final List<Request> requests = new ArrayList<>();

  private RecordingApiServer(String seedResource) {
    SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    SandboxDispatcher sandbox = new SandboxDispatcher(new SandboxLogs(new SeedText(Instant.now())));
    Dispatcher recording =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            synchronized (requests) {
              requests.add(new Request(request.getMethod(), request.getPath()));
            }
            return sandbox.dispatch(request);
          }

          @Override
          public void shutdown() {
            sandbox.shutdown();
          }
        };
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), recording, false);
    server.start(InetAddress.getLoopbackAddress(), 0);
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + server.getPort() + "/")
            .withNamespace("default")
            .withRequestRetryBackoffLimit(0)
            .withHttp2Disable(true)
            .build();
    client = new KubernetesClientBuilder().withConfig(config).build();
    try (InputStream in = RecordingApiServer.class.getResourceAsStream(seedResource)) {
      if (in == null) {
        throw new IllegalStateException("seed resource missing: " + seedResource);
      }
      for (HasMetadata item : client.load(in).items()) {
        client.resource(item).create();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    forget();
  }

  /** A server seeded with the objects of a YAML resource (many documents), requests forgotten. */
  public static RecordingApiServer start(String seedResource) {
    return new RecordingApiServer(seedResource);
  }

  public KubernetesClient client() {
    return client;
  }

  /** The requests served since the last {@link #forget()}. */
  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public void forget() {
    synchronized (requests) {
      requests.clear();
    }
  }

  @Override
  public void close() {
    client.close();
    server.shutdown();
  }
}
