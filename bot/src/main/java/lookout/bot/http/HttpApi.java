package lookout.bot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import lookout.adapters.web.QuietLog;
import lookout.adapters.web.WebhookReplies;
import lookout.bot.metrics.BotMetrics;
import org.slf4j.LoggerFactory;

/**
 * The application's router: {@code /healthz}, {@code /readyz}, {@code /metrics} (GET and HEAD),
 * then whatever the adapters mount, with the server's protections around all of it: the
 * connection's deadlines start before any route, the routes anyone may call without credentials are
 * rate-limited per address, and a failure no route handled is answered without a stack trace in the
 * log when the client caused it.
 */
public final class HttpApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final QuietLog errors = new QuietLog(LoggerFactory.getLogger(HttpApi.class));

  /**
   * What guards the routes.
   *
   * @param unauthenticated paths (Vert.x route patterns such as {@code /api/knowledge/*}) that
   *     anyone may call without credentials, limited per address
   */
  public record Protection(
      ConnectionGuard connections, AddressLimiter perAddress, List<String> unauthenticated) {
    public Protection {
      unauthenticated = List.copyOf(unauthenticated);
    }
  }

  private HttpApi() {}

  public static Router router(
      Vertx vertx,
      BotMetrics metrics,
      Readiness readiness,
      Blocking blocking,
      Protection protection,
      Consumer<Router> adapters) {
    Router router = Router.router(vertx);
    protection.connections().watch(router);
    Handler<RoutingContext> limit = protection.perAddress().handler();
    for (String path : protection.unauthenticated()) {
      router.route(path).handler(limit);
    }
    probe(router, "/healthz").handler(ctx -> json(ctx, 200, Map.of("status", "ok")));
    probe(router, "/readyz").handler(ctx -> ready(vertx, readiness, blocking, ctx));
    probe(router, "/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(metrics.scrape()));
    adapters.accept(router);
    // Last: only failures of routes without a failure handler of their own reach it.
    router.route().failureHandler(HttpApi::failed);
    return router;
  }

  /** GET and HEAD (load balancers and uptime checks often probe with HEAD). */
  private static io.vertx.ext.web.Route probe(Router router, String path) {
    return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  private static void ready(
      Vertx vertx, Readiness readiness, Blocking blocking, RoutingContext ctx) {
    blocking
        .call(vertx, readiness::run)
        .onComplete(
            result -> {
              if (result.failed()) {
                json(
                    ctx,
                    503,
                    Map.of("status", "down", "error", String.valueOf(result.cause().getMessage())));
                return;
              }
              boolean ready = readiness.ready(result.result());
              json(
                  ctx,
                  ready ? 200 : 503,
                  Map.of("status", ready ? "ready" : "not ready", "checks", result.result()));
            });
  }

  private static void failed(RoutingContext ctx) {
    int status = ctx.statusCode();
    if (status >= 400 && status < 500) {
      json(ctx, status, Map.of("error", "request refused at " + ctx.request().path()));
    } else if (WebhookReplies.clientFault(ctx, "http")) {
      json(ctx, 400, Map.of("error", "malformed or interrupted request"));
    } else {
      errors.error(
          "http " + ctx.request().path(),
          "{} {} failed",
          ctx.request().method(),
          ctx.request().path(),
          ctx.failure());
      json(ctx, 500, Map.of("error", "internal error while handling " + ctx.request().path()));
    }
  }

  static void json(RoutingContext ctx, int status, Object body) {
    if (ctx.response().ended()) {
      return;
    }
    try {
      ctx.response()
          .setStatusCode(status)
          .putHeader("content-type", "application/json")
          .end(JSON.writeValueAsString(body));
    } catch (Exception e) {
      ctx.response().setStatusCode(500).end();
    }
  }
}
