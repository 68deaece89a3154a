package lookout.adapters.web;

import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies the Slack, Feishu and WeCom webhook routes give alike, so a platform's route code is only
 * what differs: its checks and its parsing.
 */
public final class WebhookReplies {
  private static final Logger log = LoggerFactory.getLogger(WebhookReplies.class);
  private static final QuietLog errors = new QuietLog(log);

  private WebhookReplies() {}

  /** A plain-text reply, unless one was already sent. */
  public static void text(RoutingContext rc, int status, String body) {
    if (rc.response().ended()) {
      return;
    }
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .end(body);
  }

  /** Who sent the request, for refusal log lines. */
  public static String remote(RoutingContext rc) {
    return rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().toString();
  }

  /**
   * The failure handler of a platform's routes: 413 for an oversized body, the 4xx as it is, 400
   * (logged at DEBUG) for a request the client broke off or garbled, and 500 (logged, at most a few
   * lines a minute) for anything else.
   */
  public static void failed(RoutingContext rc, String platform) {
    if (rc.statusCode() == 413) {
      text(rc, 413, "body is larger than the 1 MiB limit");
    } else if (rc.statusCode() >= 400 && rc.statusCode() < 500) {
      text(rc, rc.statusCode(), "request refused at " + rc.request().path());
    } else if (clientFault(rc, platform)) {
      text(rc, 400, "malformed or interrupted request");
    } else {
      errors.error(
          platform + " " + rc.request().path(),
          "{}: {} failed",
          platform,
          rc.request().path(),
          rc.failure());
      text(rc, 500, "internal error while handling " + rc.request().path());
    }
  }

  /**
   * True (and logged at DEBUG) when the route failed because of the client: it hung up mid-body or
   * sent something the HTTP decoder refused. Such a connection is closed after any reply.
   *
   * @param who the route's owner, for the log line
   */
  public static boolean clientFault(RoutingContext rc, String who) {
    if (!ClientFaults.isClientFault(rc.failure())) {
      return false;
    }
    log.debug(
        "{}: {} {} from {} broken off by the client: {}",
        who,
        rc.request().method(),
        rc.request().path(),
        remote(rc),
        ClientFaults.brief(rc.failure()));
    if (!rc.response().headWritten()) {
      rc.response().putHeader("Connection", "close");
    }
    return true;
  }

  /**
   * Runs {@code work} (handing a verified message to the bot) on {@code blocking} and answers 200
   * once it took it, 500 when it threw (the platform delivers again; the database dedupe keeps it
   * to one answer), 503 while shutting down.
   *
   * @param noun what the platform delivers ("event", "message"), for the log and the 500 body
   * @param id its id, for the log
   */
  public static void handOff(
      RoutingContext rc,
      Executor blocking,
      Runnable work,
      String platform,
      String noun,
      String id) {
    handOff(rc, blocking, work, platform, noun, id, () -> "");
  }

  /** As above, the 200 carrying {@code reply} (a passive reply), made once the work is done. */
  public static void handOff(
      RoutingContext rc,
      Executor blocking,
      Runnable work,
      String platform,
      String noun,
      String id,
      java.util.function.Supplier<String> reply) {
    Context context = rc.vertx().getOrCreateContext();
    try {
      blocking.execute(
          () -> {
            try {
              work.run();
              String body = reply.get();
              context.runOnContext(v -> text(rc, 200, body));
            } catch (RuntimeException e) {
              errors.error(
                  platform + " hand-off",
                  "{}: the bot could not take {} {}",
                  platform,
                  noun,
                  id,
                  e);
              context.runOnContext(v -> text(rc, 500, "the bot could not take this " + noun));
            }
          });
    } catch (RejectedExecutionException e) {
      text(rc, 503, "shutting down");
    }
  }
}
