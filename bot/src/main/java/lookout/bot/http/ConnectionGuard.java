package lookout.bot.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slow or silent clients from holding connections: a cap on open connections, and deadlines
 * Vert.x's idle timeout alone cannot give, since a client that trickles one byte at a time is never
 * idle. A new connection must send a complete request head within {@link HttpLimits#headerTimeout};
 * a request's body must arrive within {@link HttpLimits#bodyTimeout} (else 408 and the connection
 * closes); a kept-alive connection must start its next request within {@link
 * HttpLimits#idleTimeout} of the last response. Time the server spends answering (a long poll, a
 * database call) is never counted against the client.
 *
 * <p>Each connection's state is touched only on its own event loop; the map and counters are
 * shared.
 */
public final class ConnectionGuard {
  private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

  private final Vertx vertx;
  private final HttpLimits limits;
  private final Map<HttpConnection, Deadline> connections = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong slowHeaders = new AtomicLong();
  private final AtomicLong slowBodies = new AtomicLong();
  private final AtomicLong idleBetween = new AtomicLong();

  /** The one timer a connection has at a time: what it is waiting for and until when. */
  private static final class Deadline {
    long timer = -1;
  }

  public ConnectionGuard(Vertx vertx, HttpLimits limits) {
    this.vertx = vertx;
    this.limits = limits;
  }

  /** Watches every connection {@code server} accepts. Call before it listens. */
  public void watch(HttpServer server) {
    server.connectionHandler(this::opened);
  }

  /**
   * Watches every request {@code router} routes; mount before any other route so the deadline
   * starts before a body is read.
   */
  public void watch(Router router) {
    router.route().handler(this::request);
  }

  /** Open connections, refusals and closes by reason, on {@code /metrics}. */
  public void bind(MeterRegistry registry) {
    Gauge.builder("lookout_http_connections_open", open, AtomicInteger::get)
        .description("HTTP connections open now")
        .register(registry);
    closed(registry, "over_limit", refused);
    closed(registry, "slow_headers", slowHeaders);
    closed(registry, "slow_body", slowBodies);
    closed(registry, "idle_between_requests", idleBetween);
  }

  private static void closed(MeterRegistry registry, String reason, AtomicLong count) {
    FunctionCounter.builder("lookout_http_connections_closed", count, AtomicLong::get)
        .description("Connections the server closed to protect itself, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  public int open() {
    return open.get();
  }

  private void opened(HttpConnection conn) {
    int now = open.incrementAndGet();
    Deadline deadline = new Deadline();
    conn.closeHandler(
        v -> {
          open.decrementAndGet();
          Deadline d = connections.remove(conn);
          if (d != null) {
            vertx.cancelTimer(d.timer);
          }
        });
    if (now > limits.maxConnections()) {
      refused.incrementAndGet();
      log.debug("closing a connection from {}: {} open", conn.remoteAddress(), now - 1);
      conn.close();
      return;
    }
    connections.put(conn, deadline);
    arm(conn, deadline, limits.headerTimeout().toMillis(), slowHeaders);
  }

  private void request(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    HttpConnection conn = request.connection();
    Deadline deadline = conn == null ? null : connections.get(conn);
    if (deadline != null) {
      vertx.cancelTimer(deadline.timer);
      deadline.timer = -1;
      if (!request.isEnded()) {
        long at = limits.bodyTimeout().toMillis();
        deadline.timer = vertx.setTimer(at, id -> bodyLate(rc, conn, deadline));
      }
      rc.addEndHandler(
          done -> {
            if (connections.get(conn) == deadline) {
              arm(conn, deadline, limits.idleTimeout().toMillis(), idleBetween);
            }
          });
    }
    rc.next();
  }

  private void bodyLate(RoutingContext rc, HttpConnection conn, Deadline deadline) {
    deadline.timer = -1;
    if (rc.request().isEnded()) {
      return; // read in time; the server is still answering, which is not the client's fault
    }
    slowBodies.incrementAndGet();
    log.debug(
        "closing {}: request body not received within {}", remote(conn), limits.bodyTimeout());
    if (!rc.response().headWritten()) {
      rc.response()
          .setStatusCode(408)
          .putHeader("Connection", "close")
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("request body not received within " + limits.bodyTimeout().toSeconds() + " s\n");
    }
    conn.close();
  }

  private void arm(HttpConnection conn, Deadline deadline, long millis, AtomicLong reason) {
    vertx.cancelTimer(deadline.timer);
    deadline.timer =
        vertx.setTimer(
            millis,
            id -> {
              deadline.timer = -1;
              reason.incrementAndGet();
              log.debug("closing {}: no complete request head in {} ms", remote(conn), millis);
              conn.close();
            });
  }

  private static String remote(HttpConnection conn) {
    return conn.remoteAddress() == null ? "?" : conn.remoteAddress().toString();
  }
}
