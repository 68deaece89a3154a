package lookout.adapters.console;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes console API answers: JSON, never cached, and never twice to the same request. */
final class Replies {
  private Replies() {}

  static void json(RoutingContext rc, int status, JsonObject body) {
    if (rc.response().ended() || rc.response().closed()) {
      return;
    }
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  static void error(RoutingContext rc, int status, String message) {
    json(rc, status, new JsonObject().put("error", message));
  }

  static void error(RoutingContext rc, ApiError error) {
    error(rc, error.status(), error.getMessage());
  }
}
