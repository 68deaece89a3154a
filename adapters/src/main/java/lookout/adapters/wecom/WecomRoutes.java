package lookout.adapters.wecom;

import static lookout.adapters.web.WebhookReplies.failed;
import static lookout.adapters.web.WebhookReplies.remote;
import static lookout.adapters.web.WebhookReplies.text;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.web.QuietLog;
import lookout.adapters.web.WebhookReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeCom's HTTP face. {@code GET|POST /wecom/callback}: the self-built app (XML, receive id = the
 * CorpID). {@code GET|POST /wecom/aibot}: the AI bot (JSON, empty receive id). A GET is the URL
 * check and is answered with the decrypted echostr and nothing else. Every POST is verified and
 * decrypted before anything is parsed; a bad signature, stale timestamp, bad padding or wrong
 * receive id is 401, malformed content 400, a body over 1 MiB 413 — and nothing changes. A message
 * is acknowledged once the bot has taken it (deduped by MsgId/msgid in its database, queued for
 * answering), well within WeCom's 5 s; a card click at once, decided afterwards. App answers go out
 * through the outbox (see {@link WecomAdapter}); an AI-bot message is acknowledged with a passive
 * stream reply, which WeCom then polls ({@code msgtype: stream} callbacks, answered with the
 * stream's newest content, see {@link StreamFrames}).
 */
public final class WecomRoutes {
  public static final long BODY_LIMIT = 1024 * 1024;
  public static final String APP = "/wecom/callback";
  public static final String AIBOT = "/wecom/aibot";
  private static final Logger log = LoggerFactory.getLogger(WecomRoutes.class);
  private static final QuietLog errors = new QuietLog(log);

  private final WecomCrypto appCrypto;
  private final WecomCrypto aibotCrypto;
  private final ChatHandler handler;
  private final CallbackMemory memory;
  private final Executor blocking;
  private final StreamReplies streamReplies;

  /**
   * @param appCrypto the app's callback crypto, or null when no app is configured
   * @param aibotCrypto the AI bot's callback crypto, or null when no AI bot is configured
   */
  public WecomRoutes(
      WecomCrypto appCrypto,
      WecomCrypto aibotCrypto,
      ChatHandler handler,
      WecomAdapter memory,
      Executor blocking) {
    this.appCrypto = appCrypto;
    this.aibotCrypto = aibotCrypto;
    this.handler = handler;
    this.memory = memory;
    this.blocking = blocking;
    this.streamReplies =
        aibotCrypto == null ? null : new StreamReplies(aibotCrypto, java.time.Clock.systemUTC());
  }

  public void mount(Router router) {
    if (appCrypto != null) {
      mount(router, APP, appCrypto, this::openApp);
    }
    if (aibotCrypto != null) {
      mount(router, AIBOT, aibotCrypto, this::openAibot);
    }
  }

  private void mount(
      Router router, String path, WecomCrypto crypto, Function<RoutingContext, WecomEvent> open) {
    router.route(path).failureHandler(rc -> failed(rc, "wecom"));
    router.get(path).handler(rc -> guarded(rc, () -> verifyUrl(rc, crypto)));
    router.post(path).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.post(path).handler(rc -> guarded(rc, () -> dispatch(rc, open.apply(rc))));
  }

  private static void verifyUrl(RoutingContext rc, WecomCrypto crypto) {
    String echo =
        crypto.open(
            rc.queryParams().get("msg_signature"),
            rc.queryParams().get("timestamp"),
            rc.queryParams().get("nonce"),
            plusSafe(rc.queryParams().get("echostr")));
    text(rc, 200, echo);
  }

  private WecomEvent openApp(RoutingContext rc) {
    String outer = rc.body().asString(StandardCharsets.UTF_8.name());
    String encrypt = FlatXml.read(outer == null ? "" : outer, "body").get("Encrypt");
    return AppCallbacks.parse(open(rc, appCrypto, encrypt));
  }

  private WecomEvent openAibot(RoutingContext rc) {
    String encrypt = AibotCallbacks.encrypted(rc.body().buffer().getBytes());
    return AibotCallbacks.parse(open(rc, aibotCrypto, encrypt));
  }

  private static String open(RoutingContext rc, WecomCrypto crypto, String encrypt) {
    if (encrypt == null || encrypt.isEmpty()) {
      throw new BadWecomRequest(400, "body: Encrypt is missing");
    }
    return crypto.open(
        rc.queryParams().get("msg_signature"),
        rc.queryParams().get("timestamp"),
        rc.queryParams().get("nonce"),
        encrypt);
  }

  private void dispatch(RoutingContext rc, WecomEvent event) {
    switch (event) {
      case WecomEvent.Ignored i -> text(rc, 200, "");
      case WecomEvent.ForBot m -> handOff(rc, m);
      case WecomEvent.CardClick c -> click(rc, c);
      case WecomEvent.StreamRefresh r ->
          text(rc, 200, streamReplies.seal(r.streamId(), memory.streamFrame(r.streamId())));
    }
  }

  private void handOff(RoutingContext rc, WecomEvent.ForBot m) {
    String msgId = m.inbound().messageId();
    if (m.replyUrl() == null) {
      // A 5xx makes WeCom deliver again; the database dedupe keeps it to one answer.
      WebhookReplies.handOff(
          rc, blocking, () -> handler.onMessage(m.inbound()), "wecom", "message", msgId);
      return;
    }
    // The AI bot: the answer is a stream reply, opened by this passive reply and polled by WeCom;
    // the response_url stays for when the stream is gone (see WecomAdapter).
    memory.replyPath(msgId, m.replyUrl(), m.inbound().user().id());
    memory.openStream(msgId);
    WebhookReplies.handOff(
        rc,
        blocking,
        () -> handler.onMessage(m.inbound()),
        "wecom",
        "message",
        msgId,
        () -> streamReplies.seal(msgId, memory.streamFrame(msgId)));
  }

  private void click(RoutingContext rc, WecomEvent.CardClick c) {
    text(rc, 200, "");
    try {
      blocking.execute(
          () -> {
            try {
              // Stored (in the database) before the bot decides, so the card update finds it.
              memory.responseCode(c.click().message().messageId(), c.responseCode());
              ClickReply reply = handler.onClick(c.click());
              if (reply != null) {
                memory.tell(c.click(), reply);
              }
            } catch (RuntimeException e) {
              errors.error(
                  "wecom clicks",
                  "wecom: the bot failed on a click by {} on card {}",
                  c.click().user(),
                  c.click().message().messageId(),
                  e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.warn("wecom: shutting down, click on {} dropped", c.click().message().messageId());
    }
  }

  private static void guarded(RoutingContext rc, Runnable work) {
    try {
      work.run();
    } catch (BadWecomRequest e) {
      log.warn(
          "wecom: refused {} {} from {}: {}",
          rc.request().method(),
          rc.request().path(),
          remote(rc),
          e.getMessage());
      text(rc, e.status(), "refused at " + rc.request().path() + ": " + e.getMessage());
    }
  }

  /** Query decoding turns an unencoded '+' of Base64 into a space; WeCom's Base64 has no spaces. */
  private static String plusSafe(String s) {
    return s == null ? null : s.replace(' ', '+');
  }
}
