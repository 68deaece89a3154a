package lookout.adapters.slack;

import static lookout.adapters.web.WebhookReplies.failed;
import static lookout.adapters.web.WebhookReplies.remote;
import static lookout.adapters.web.WebhookReplies.text;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.web.QuietLog;
import lookout.adapters.web.WebhookReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP face: {@code POST /slack/events} (Events API) and {@code POST /slack/actions}
 * (interactivity). Every request is verified over its raw body before anything is parsed; forged or
 * stale requests get 401 and change nothing; bodies over 1 MiB get 413. An event is offered to the
 * bot on the event loop ({@link ChatHandler#offer}, which never blocks) or else handed to it off
 * the event loop, and acknowledged once the bot has taken it (the bot dedupes by {@code event_id}
 * in its database, so Slack's retries and duplicate deliveries are answered once); a click is
 * acknowledged at once and its outcome told to the clicker afterwards.
 */
public final class SlackRoutes {
  public static final long BODY_LIMIT = 1024 * 1024;
  static final String EVENTS = "/slack/events";
  static final String ACTIONS = "/slack/actions";
  private static final Logger log = LoggerFactory.getLogger(SlackRoutes.class);
  private static final QuietLog errors = new QuietLog(log);

  private final SlackRequestVerifier verifier;
  private final ChatHandler handler;
  private final ClickNotices notices;
  private final Executor blocking;

  public SlackRoutes(
      SlackRequestVerifier verifier, ChatHandler handler, ClickNotices notices, Executor blocking) {
    this.verifier = verifier;
    this.handler = handler;
    this.notices = notices;
    this.blocking = blocking;
  }

  public void mount(Router router) {
    for (String path : List.of(EVENTS, ACTIONS)) {
      router.route(path).failureHandler(rc -> failed(rc, "slack"));
      router.post(path).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    }
    router.post(EVENTS).handler(this::events);
    router.post(ACTIONS).handler(this::actions);
  }

  private void events(RoutingContext rc) {
    if (!verified(rc)) {
      return;
    }
    SlackEvent event;
    try {
      event = SlackEvents.parse(rc.body().buffer().getBytes());
    } catch (BadSlackRequest e) {
      text(rc, 400, e.getMessage());
      return;
    }
    switch (event) {
      case SlackEvent.Challenge c -> json(rc, new JsonObject().put("challenge", c.challenge()));
      case SlackEvent.Ignored i -> text(rc, 200, "");
      case SlackEvent.ForBot m -> handOff(rc, m);
    }
  }

  private void handOff(RoutingContext rc, SlackEvent.ForBot m) {
    String retry = rc.request().getHeader("X-Slack-Retry-Num");
    if (retry != null) {
      log.info("slack: retry {} of event {}", retry, m.inbound().eventId());
    }
    try {
      // The usual case: the bot takes the event without blocking, so no hop to another thread.
      if (handler.offer(m.inbound())) {
        text(rc, 200, "");
        return;
      }
    } catch (RuntimeException e) {
      errors.error(
          "slack events", "slack: the bot could not take event {}", m.inbound().eventId(), e);
      text(rc, 500, "the bot could not take this event");
      return;
    }
    // A 500 makes Slack retry later; the database dedupe keeps it to one answer.
    WebhookReplies.handOff(
        rc,
        blocking,
        () -> handler.onMessage(m.inbound()),
        "slack",
        "event",
        m.inbound().eventId());
  }

  private void actions(RoutingContext rc) {
    if (!verified(rc)) {
      return;
    }
    List<Click> clicks;
    try {
      clicks = SlackActions.parse(rc.body().buffer().getBytes());
    } catch (BadSlackRequest e) {
      text(rc, 400, e.getMessage());
      return;
    }
    text(rc, 200, "");
    for (Click click : clicks) {
      try {
        blocking.execute(() -> click(click));
      } catch (RejectedExecutionException e) {
        log.warn("slack: shutting down, click on {} dropped", click.message().messageId());
      }
    }
  }

  private void click(Click click) {
    try {
      ClickReply reply = handler.onClick(click);
      if (reply != null && reply.notice() != null) {
        notices.tell(click, reply);
      }
    } catch (RuntimeException e) {
      errors.error(
          "slack clicks",
          "slack: the bot failed on a click by {} on message {}",
          click.user(),
          click.message().messageId(),
          e);
    }
  }

  private boolean verified(RoutingContext rc) {
    Optional<String> problem =
        verifier.problem(
            rc.request().getHeader("X-Slack-Request-Timestamp"),
            rc.request().getHeader("X-Slack-Signature"),
            rc.body().buffer().getBytes());
    if (problem.isEmpty()) {
      return true;
    }
    log.warn("slack: refused {} from {}: {}", rc.request().path(), remote(rc), problem.get());
    text(rc, 401, "request signature refused: " + problem.get());
    return false;
  }

  private static void json(RoutingContext rc, JsonObject body) {
    rc.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
