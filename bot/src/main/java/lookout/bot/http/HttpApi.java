package lookout.bot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Consumer;
import lookout.bot.metrics.BotMetrics;

/**
 * The application's router: {@code /healthz}, {@code /readyz}, {@code /metrics}, then whatever the
 * adapters mount.
 */
public final class HttpApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpApi() {}

  public static Router router(
      Vertx vertx,
      BotMetrics metrics,
      Readiness readiness,
      Blocking blocking,
      Consumer<Router> adapters) {
    Router router = Router.router(vertx);
    router.get("/healthz").handler(ctx -> json(ctx, 200, Map.of("status", "ok")));
    router
        .get("/readyz")
        .handler(
            ctx ->
                blocking
                    .call(vertx, readiness::run)
                    .onComplete(
                        result -> {
                          if (result.failed()) {
                            json(
                                ctx,
                                503,
                                Map.of(
                                    "status",
                                    "down",
                                    "error",
                                    String.valueOf(result.cause().getMessage())));
                            return;
                          }
                          boolean ready =
                              result.result().values().stream().allMatch(Boolean::booleanValue);
                          json(
                              ctx,
                              ready ? 200 : 503,
                              Map.of(
                                  "status",
                                  ready ? "ready" : "not ready",
                                  "checks",
                                  result.result()));
                        }));
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(metrics.scrape()));
    adapters.accept(router);
    return router;
  }

  static void json(RoutingContext ctx, int status, Object body) {
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
