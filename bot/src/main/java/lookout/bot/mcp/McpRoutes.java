package lookout.bot.mcp;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /mcp} (Streamable HTTP): the bearer token is checked before the body is read (401), bodies
 * over {@code mcp.server.maxRequestBytes} are refused (413), then each message is handled by {@link
 * McpSessions} on a virtual thread. No server-initiated stream: {@code GET} answers 405, as the
 * transport allows.
 */
final class McpRoutes {
  static final String PATH = "/mcp";
  private static final String SESSION = "Mcp-Session-Id";
  private static final Logger log = LoggerFactory.getLogger(McpRoutes.class);

  private final McpTokens tokens;
  private final McpSessions sessions;
  private final ExecutorService work;
  private final int maxBytes;

  McpRoutes(McpTokens tokens, McpSessions sessions, ExecutorService work, int maxBytes) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.work = work;
    this.maxBytes = maxBytes;
  }

  void mount(Router router) {
    router.route(PATH).failureHandler(this::failed);
    router.route(PATH).handler(this::authenticate);
    router.get(PATH).handler(rc -> plain(rc, 405, "GET is not offered; POST JSON-RPC messages"));
    router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(maxBytes));
    router.post(PATH).handler(this::post);
    router.delete(PATH).handler(this::delete);
  }

  private void authenticate(RoutingContext rc) {
    Optional<String> client = tokens.client(rc.request().getHeader("Authorization"));
    if (client.isEmpty()) {
      log.warn("mcp: refused a request from {}: missing or wrong token", remote(rc));
      rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"lookout\"");
      plain(rc, 401, "missing or wrong bearer token");
      return;
    }
    rc.put(McpSessions.CLIENT, client.get());
    rc.next();
  }

  private void post(RoutingContext rc) {
    String client = rc.get(McpSessions.CLIENT);
    String body = rc.body().asString();
    String sessionId = rc.request().getHeader(SESSION);
    Context context = rc.vertx().getOrCreateContext();
    HttpServerResponse response = rc.response();
    offload(
        rc,
        () -> {
          McpSessions.Outcome outcome =
              sessions.post(
                  client,
                  sessionId,
                  body == null ? "" : body,
                  () -> new SseReply(response, McpServerSetup.JSON));
          if (outcome instanceof McpSessions.Json j) {
            context.runOnContext(v -> json(rc, j));
          }
        });
  }

  private void delete(RoutingContext rc) {
    String client = rc.get(McpSessions.CLIENT);
    String sessionId = rc.request().getHeader(SESSION);
    Context context = rc.vertx().getOrCreateContext();
    offload(
        rc,
        () -> {
          boolean closed = sessions.delete(client, sessionId);
          context.runOnContext(v -> plain(rc, closed ? 200 : 404, closed ? "" : "no such session"));
        });
  }

  private void offload(RoutingContext rc, Work task) {
    Context context = rc.vertx().getOrCreateContext();
    try {
      work.execute(
          () -> {
            try {
              task.run();
            } catch (Exception e) {
              log.error("mcp: while handling a request from {}", rc.get(McpSessions.CLIENT), e);
              context.runOnContext(v -> plain(rc, 500, "internal error: " + e.getMessage()));
            }
          });
    } catch (RejectedExecutionException e) {
      plain(rc, 503, "shutting down");
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private void failed(RoutingContext rc) {
    if (rc.statusCode() == 413) {
      plain(
          rc,
          413,
          "request body is larger than " + maxBytes + " bytes (mcp.server.maxRequestBytes)");
    } else if (rc.statusCode() >= 400 && rc.statusCode() < 500) {
      plain(rc, rc.statusCode(), "request refused");
    } else {
      log.error("mcp: {} failed", PATH, rc.failure());
      plain(rc, 500, "internal error");
    }
  }

  private static void json(RoutingContext rc, McpSessions.Json j) {
    if (rc.response().ended()) {
      return;
    }
    if (j.sessionId() != null) {
      rc.response().putHeader(SESSION, j.sessionId());
    }
    rc.response().setStatusCode(j.status());
    if (j.body().isEmpty()) {
      rc.response().end();
    } else {
      rc.response().putHeader("Content-Type", "application/json").end(j.body());
    }
  }

  private static void plain(RoutingContext rc, int status, String message) {
    if (rc.response().ended()) {
      return;
    }
    rc.response().setStatusCode(status);
    if (message.isEmpty()) {
      rc.response().end();
    } else {
      rc.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(message + "\n");
    }
  }

  private static String remote(RoutingContext rc) {
    return rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().toString();
  }
}
