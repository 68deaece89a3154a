package lookout.adapters.console;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.web.QuietLog;
import lookout.adapters.web.WebhookReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP face, mounted on the bot's router: the page at {@code GET /} (assets under
 * {@code /console/}) and the JSON API under {@code /api/console/}. Every API error is {@code
 * {"error": "..."}} with a 4xx; bodies are JSON of at most 1 MiB. With an access token, the API
 * needs {@code Authorization: Bearer <token>} and the page needs that header or {@code ?token=}.
 */
public final class ConsoleRoutes {
  public static final long BODY_LIMIT = 1024 * 1024;
  private static final String API = "/api/console/";
  private static final Set<String> KNOWN = Set.of(API + "messages", API + "clicks");
  private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);
  private static final QuietLog errors = new QuietLog(log);

  private final AccessGuard guard;
  private final MessagesEndpoint messages;
  private final ClicksEndpoint clicks;
  private final PageAssets assets = new PageAssets();

  /**
   * Runs the handler on virtual threads. {@code accessToken} null or empty leaves the console open.
   */
  public ConsoleRoutes(ConsoleAdapter adapter, ChatHandler handler, String accessToken) {
    this(adapter, handler, accessToken, virtualThreads());
  }

  /** {@code blocking} runs the bot's handler calls, which may block briefly. */
  public ConsoleRoutes(
      ConsoleAdapter adapter, ChatHandler handler, String accessToken, Executor blocking) {
    this.guard = new AccessGuard(accessToken);
    OffLoop offLoop = new OffLoop(blocking);
    this.messages = new MessagesEndpoint(adapter, handler, offLoop);
    this.clicks = new ClicksEndpoint(adapter, handler, offLoop);
  }

  public void mount(Router router) {
    router.get("/").handler(this::page);
    router.get("/console/console.js").handler(assets::script);
    router.get("/console/console.css").handler(assets::style);

    router.route(API + "*").failureHandler(this::failed);
    router.route(API + "*").handler(this::authorize);
    router.get(API + "messages").handler(guarded(messages::list));
    jsonPost(router, API + "messages", guarded(messages::post));
    jsonPost(router, API + "clicks", guarded(clicks::click));
    router.route(API + "*").handler(ConsoleRoutes::unknown);
  }

  /** How many long polls are parked right now (for tests and diagnostics). */
  int parkedPolls() {
    return messages.parkedPolls();
  }

  private static void jsonPost(Router router, String path, Handler<RoutingContext> endpoint) {
    // Its own route so a wrong Content-Type is refused before any of the body is read.
    router.post(path).handler(ConsoleRoutes::requireJson);
    router.post(path).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(endpoint);
  }

  private void page(RoutingContext rc) {
    String presented = AccessGuard.bearer(rc.request().getHeader("Authorization"));
    if (presented == null) {
      presented = rc.queryParams().get("token");
    }
    if (!guard.allows(presented)) {
      rc.response()
          .setStatusCode(401)
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("This Lookout console needs its access token: open /?token=<token>\n");
      return;
    }
    assets.page(rc);
  }

  private void authorize(RoutingContext rc) {
    if (guard.allows(AccessGuard.bearer(rc.request().getHeader("Authorization")))) {
      rc.next();
      return;
    }
    rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"lookout-console\"");
    Replies.error(
        rc, 401, "access token missing or wrong: send the header Authorization: Bearer <token>");
  }

  private static void requireJson(RoutingContext rc) {
    String type = rc.request().getHeader("Content-Type");
    String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (mime.equals("application/json")) {
      rc.next();
      return;
    }
    Replies.error(
        rc,
        415,
        "Content-Type must be application/json, got "
            + (type == null ? "none" : "\"" + type + "\""));
  }

  private static Handler<RoutingContext> guarded(Handler<RoutingContext> endpoint) {
    return rc -> {
      try {
        endpoint.handle(rc);
      } catch (ApiError e) {
        Replies.error(rc, e);
      } catch (RuntimeException e) {
        errors.error(
            "console " + rc.request().path(),
            "console: {} {} failed",
            rc.request().method(),
            rc.request().path(),
            e);
        Replies.error(rc, 500, "internal error while handling " + rc.request().path());
      }
    };
  }

  private static void unknown(RoutingContext rc) {
    String path = rc.request().path();
    if (KNOWN.contains(path)) {
      Replies.error(rc, 405, rc.request().method() + " is not allowed on " + path);
    } else {
      Replies.error(rc, 404, "no console API at " + path);
    }
  }

  private void failed(RoutingContext rc) {
    int status = rc.statusCode();
    if (status == 413) {
      Replies.error(rc, 413, "body is larger than the 1 MiB limit");
    } else if (status >= 400 && status < 500) {
      Replies.error(rc, status, "request refused at " + rc.request().path());
    } else if (WebhookReplies.clientFault(rc, "console")) {
      Replies.error(rc, 400, "malformed or interrupted request");
    } else {
      errors.error(
          "console " + rc.request().path(),
          "console: {} {} failed",
          rc.request().method(),
          rc.request().path(),
          rc.failure());
      Replies.error(rc, 500, "internal error while handling " + rc.request().path());
    }
  }

  private static Executor virtualThreads() {
    return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("console-", 0).factory());
  }
}
