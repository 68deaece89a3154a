package lookout.bot.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import lookout.adapters.web.ClientFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server Lookout listens with: size caps, the idle timeout and the connection guard. */
public final class Listener {
  private static final Logger log = LoggerFactory.getLogger(Listener.class);

  private Listener() {}

  /** Starts listening (blocks up to 30 s for the bind); port 0 picks a free one. */
  public static HttpServer listen(
      Vertx vertx, String host, int port, HttpLimits limits, ConnectionGuard guard, Router router)
      throws Exception {
    HttpServer server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setHost(host)
                    .setPort(port)
                    .setMaxInitialLineLength(8192)
                    .setMaxHeaderSize(16384)
                    .setIdleTimeout((int) limits.idleTimeout().toSeconds())
                    .setIdleTimeoutUnit(TimeUnit.SECONDS)
                    // HTTP/1.1 only: the guard's deadlines follow one request at a time.
                    .setHttp2ClearTextEnabled(false))
            .requestHandler(router)
            // Resets, hang-ups and garbage on the wire: the client's doing, not an error of ours.
            .exceptionHandler(t -> log.debug("http connection: {}", ClientFaults.brief(t)));
    guard.watch(server);
    return server.listen().await(30, TimeUnit.SECONDS);
  }
}
