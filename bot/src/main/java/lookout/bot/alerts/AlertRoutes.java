package lookout.bot.alerts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import lookout.adapters.web.QuietLog;
import lookout.adapters.web.WebhookReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /alertmanager}: authenticates before reading the body, refuses bodies over 1 MiB
 * (413) and anything but JSON (415), validates the payload (400 naming the field), then hands it to
 * {@link AlertThreads} on a virtual thread and answers once the group's state is stored (503 when
 * it could not be, or when a destination could not take the group, so Alertmanager retries).
 */
public final class AlertRoutes {
  public static final String PATH = "/alertmanager";
  static final long BODY_LIMIT = 1 << 20;
  private static final Logger log = LoggerFactory.getLogger(AlertRoutes.class);
  private static final QuietLog errors = new QuietLog(log);

  private final WebhookAuth auth;
  private final PayloadParser parser = new PayloadParser();
  private final AlertThreads threads;
  private final AlertMeters meters;
  private final Executor blocking;

  public AlertRoutes(WebhookAuth auth, AlertThreads threads, Executor blocking) {
    this(auth, threads, blocking, new AlertMeters(new SimpleMeterRegistry()));
  }

  AlertRoutes(WebhookAuth auth, AlertThreads threads, Executor blocking, AlertMeters meters) {
    this.meters = meters;
    this.auth = auth;
    this.threads = threads;
    this.blocking = blocking;
  }

  public void mount(Router router) {
    router.route(PATH).failureHandler(this::failed);
    router.post(PATH).handler(this::authenticate);
    router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.post(PATH).handler(this::receive);
  }

  private void authenticate(RoutingContext rc) {
    Optional<String> problem = auth.problem(rc.request().getHeader("Authorization"));
    if (problem.isPresent()) {
      log.warn("alerts: refused a webhook from {}: {}", remote(rc), problem.get());
      rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"lookout\"");
      error(rc, 401, problem.get());
      return;
    }
    String type = rc.request().getHeader("Content-Type");
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      error(rc, 415, "Content-Type " + type + " is not application/json");
      return;
    }
    rc.next();
  }

  private void receive(RoutingContext rc) {
    Notification n;
    try {
      n = parser.parse(rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes());
    } catch (BadPayload e) {
      log.warn("alerts: bad webhook from {}: {}", remote(rc), e.getMessage());
      error(rc, 400, e.getMessage());
      return;
    }
    Context context = rc.vertx().getOrCreateContext();
    try {
      blocking.execute(
          () -> {
            try {
              Outcome outcome = threads.accept(n);
              // Deferred: some destination could not take the group; Alertmanager retries a 5xx.
              int status = outcome.refused().isEmpty() ? 200 : 503;
              JsonObject body = JsonObject.mapFrom(outcome);
              if (status == 503) {
                body.put("error", "could not deliver to " + outcome.refused() + ", retry");
              }
              context.runOnContext(v -> json(rc, status, body));
            } catch (RuntimeException e) {
              errors.error(
                  "alerts store", "alerts: could not store alert group {}", n.groupKey(), e);
              context.runOnContext(
                  v -> error(rc, 503, "could not store the alert group, retry: " + e.getMessage()));
            }
          });
    } catch (RejectedExecutionException e) {
      error(rc, 503, "shutting down");
    }
  }

  private void failed(RoutingContext rc) {
    if (rc.statusCode() == 413) {
      error(rc, 413, "body is larger than the 1 MiB limit");
    } else if (rc.statusCode() >= 400 && rc.statusCode() < 500) {
      error(rc, rc.statusCode(), "request refused at " + PATH);
    } else if (WebhookReplies.clientFault(rc, "alerts")) {
      error(rc, 400, "malformed or interrupted request");
    } else {
      errors.error("alerts route", "alerts: {} failed", PATH, rc.failure());
      error(rc, 500, "internal error while handling " + PATH);
    }
  }

  private void error(RoutingContext rc, int status, String message) {
    if (!rc.response().ended()) {
      meters.notification(
          switch (status) {
            case 401 -> "unauthorized";
            case 400 -> "bad_request";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "unavailable";
            default -> status < 500 ? "refused" : "error";
          });
    }
    json(rc, status, new JsonObject().put("error", message));
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    if (rc.response().ended()) {
      return;
    }
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  private static String remote(RoutingContext rc) {
    return rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().toString();
  }
}
