package lookout.adapters.console;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import lookout.testing.TestClock;

/**
 * The console API on a real Vert.x HTTP server bound to a random loopback port, with a recording
 * bot behind it and a client to call it.
 */
final class ConsoleServer implements AutoCloseable {
  static final String JSON = "application/json";

  final TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
  final ConsoleAdapter adapter = new ConsoleAdapter(clock, ConsoleAdapter.MESSAGES_PER_CHANNEL);
  final RecordingHandler bot = new RecordingHandler(adapter);
  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx);
  private final HttpServer server;
  private final ConsoleRoutes routes;

  ConsoleServer(String accessToken) {
    Router router = Router.router(vertx);
    routes = new ConsoleRoutes(adapter, bot, accessToken);
    routes.mount(router);
    server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
  }

  /** Sends a request; {@code headers} are name/value pairs. */
  HttpResponse<Buffer> send(HttpMethod method, String uri, String body, String... headers) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < headers.length; i += 2) {
      map.add(headers[i], headers[i + 1]);
    }
    var request = client.request(method, server.actualPort(), "127.0.0.1", uri).putHeaders(map);
    return await(body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)));
  }

  HttpResponse<Buffer> postJson(String uri, String body) {
    return send(HttpMethod.POST, uri, body, "Content-Type", JSON);
  }

  HttpResponse<Buffer> get(String uri) {
    return send(HttpMethod.GET, uri, null);
  }

  int parkedPolls() {
    return routes.parkedPolls();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("request did not complete", e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
