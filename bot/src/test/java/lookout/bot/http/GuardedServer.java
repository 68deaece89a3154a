package lookout.bot.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.Inbound;
import lookout.adapters.console.ConsoleAdapter;
import lookout.adapters.console.ConsoleRoutes;
import lookout.bot.metrics.BotMetrics;

/**
 * Lookout's HTTP server as {@code serve} builds it (listener, guard, per-address limit, the common
 * routes) with two routes of its own: {@code POST /upload} reads a body of up to 1 MiB, {@code GET
 * /slow} answers after {@code slowMillis} of server time; the console's API is mounted too. {@code
 * /api/open/*} is the unauthenticated, rate-limited family.
 */
final class GuardedServer implements AutoCloseable {
  /** The console's bot: takes messages and clicks and does nothing with them. */
  private static final class IgnoringHandler implements ChatHandler {
    @Override
    public void onMessage(Inbound inbound) {}

    @Override
    public ClickReply onClick(Click click) {
      return ClickReply.refused("ignored");
    }
  }

  final Vertx vertx = Vertx.vertx();
  final BotMetrics metrics = new BotMetrics();
  final ConnectionGuard guard;
  final HttpServer server;

  GuardedServer(HttpLimits limits, long slowMillis) throws Exception {
    guard = new ConnectionGuard(vertx, limits);
    guard.bind(metrics.registry());
    AddressLimiter perAddress = new AddressLimiter(limits, Clock.systemUTC());
    perAddress.bind(metrics.registry());
    Router router =
        HttpApi.router(
            vertx,
            metrics,
            new Readiness().add("database", () -> true),
            new Blocking(Executors.newVirtualThreadPerTaskExecutor()),
            new HttpApi.Protection(guard, perAddress, List.of("/api/open/*")),
            r -> {
              r.post("/upload")
                  .handler(BodyHandler.create(false).setBodyLimit(1 << 20))
                  .handler(rc -> rc.response().end("got " + rc.body().length() + " bytes"));
              r.get("/slow")
                  .handler(rc -> vertx.setTimer(slowMillis, id -> rc.response().end("slow done")));
              r.get("/api/open/ping").handler(rc -> rc.response().end("pong"));
              new ConsoleRoutes(new ConsoleAdapter(), new IgnoringHandler(), null).mount(r);
            });
    server = Listener.listen(vertx, "127.0.0.1", 0, limits, guard, router);
  }

  int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    try {
      vertx.close().await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("while closing the test server", e);
    }
  }
}
