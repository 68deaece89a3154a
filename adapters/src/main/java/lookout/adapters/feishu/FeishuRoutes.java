package lookout.adapters.feishu;

import static lookout.adapters.web.WebhookReplies.failed;
import static lookout.adapters.web.WebhookReplies.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParseException;
import com.lark.oapi.core.utils.Jsons;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.event.exception.HandlerNotFoundException;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import lookout.adapters.web.QuietLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feishu's HTTP face, {@code POST /feishu/events}, for event subscriptions and card callbacks
 * alike. Bodies over 1 MiB get 413. Signed requests are checked ({@code X-Lark-Signature}, five
 * minute window) before anything is decrypted; the body must be encrypted with the app's Encrypt
 * Key and carry its verification token. Only the URL check ({@code url_verification}), which Feishu
 * sends unsigned, may come without a signature. Forged, stale or wrongly-tokened requests get 401,
 * undecryptable or malformed ones 400, and nothing reaches the bot. Verified events go through the
 * SDK's dispatcher to {@link FeishuDispatch} off the event loop; the answer (200, or a card
 * callback's toast and card) is sent once the bot has taken the event.
 */
public final class FeishuRoutes {
  public static final long BODY_LIMIT = 1024 * 1024;
  static final String EVENTS = "/feishu/events";
  private static final Logger log = LoggerFactory.getLogger(FeishuRoutes.class);
  private static final QuietLog errors = new QuietLog(log);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FeishuRequestVerifier verifier;
  private final EventDispatcher dispatcher;
  private final Executor blocking;

  public FeishuRoutes(FeishuRequestVerifier verifier, FeishuDispatch dispatch, Executor blocking) {
    this.verifier = verifier;
    this.dispatcher = dispatch.dispatcher();
    this.blocking = blocking;
  }

  public void mount(Router router) {
    router.route(EVENTS).failureHandler(rc -> failed(rc, "feishu"));
    router.post(EVENTS).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.post(EVENTS).handler(this::events);
  }

  private void events(RoutingContext rc) {
    byte[] raw = rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
    String signature = rc.request().getHeader("X-Lark-Signature");
    if (signature != null) {
      Optional<String> problem =
          verifier.problem(
              rc.request().getHeader("X-Lark-Request-Timestamp"),
              rc.request().getHeader("X-Lark-Request-Nonce"),
              signature,
              raw);
      if (problem.isPresent()) {
        refuse(rc, problem.get());
        return;
      }
    }
    byte[] decrypted;
    JsonNode plain;
    try {
      decrypted = verifier.crypto().decrypt(encrypted(raw)).getBytes(StandardCharsets.UTF_8);
      plain = read(decrypted);
    } catch (BadFeishuRequest e) {
      text(rc, 400, e.getMessage());
      return;
    }
    boolean challenge = "url_verification".equals(plain.path("type").asText(""));
    String token =
        plain.has("header")
            ? plain.path("header").path("token").asText(null)
            : plain.path("token").asText(null);
    if (!verifier.tokenMatches(token)) {
      refuse(rc, "the verification token does not match this app's");
      return;
    }
    if (challenge) {
      ObjectNode answer =
          JSON.createObjectNode().put("challenge", plain.path("challenge").asText(""));
      json(rc, answer.toString());
      return;
    }
    if (signature == null) {
      refuse(rc, "X-Lark-Signature header missing");
      return;
    }
    if (plain.has("header") && !plain.path("header").path("event_type").isTextual()) {
      text(rc, 400, "header.event_type: missing or not a string");
      return;
    }
    handOff(rc, plain, decrypted);
  }

  private void handOff(RoutingContext rc, JsonNode plain, byte[] body) {
    String eventId = plain.path("header").path("event_id").asText("?");
    Context context = rc.vertx().getOrCreateContext();
    try {
      blocking.execute(
          () -> {
            try {
              Object result = dispatcher.doWithoutValidation(body);
              String answer = result == null ? "{}" : Jsons.DEFAULT.toJson(result);
              context.runOnContext(v -> json(rc, answer));
            } catch (HandlerNotFoundException e) {
              context.runOnContext(v -> json(rc, "{}"));
            } catch (BadFeishuRequest e) {
              log.warn("feishu: event {} refused: {}", eventId, e.getMessage());
              context.runOnContext(v -> text(rc, 400, e.getMessage()));
            } catch (JsonParseException e) {
              // The SDK's own parsing: a field of the wrong type. Redelivering will not fix it.
              log.warn("feishu: event {} is not what Feishu sends: {}", eventId, e.getMessage());
              context.runOnContext(
                  v -> text(rc, 400, "event: a field has the wrong type for " + eventId));
            } catch (Throwable e) {
              // 500 makes Feishu deliver again later; the database dedupe keeps it to one answer.
              errors.error("feishu events", "feishu: the bot could not take event {}", eventId, e);
              context.runOnContext(v -> text(rc, 500, "the bot could not take this event"));
            }
          });
    } catch (RejectedExecutionException e) {
      text(rc, 503, "shutting down");
    }
  }

  private static String encrypted(byte[] raw) {
    JsonNode outer = read(raw);
    JsonNode encrypt = outer.get("encrypt");
    if (encrypt == null || !encrypt.isTextual() || encrypt.asText().isEmpty()) {
      throw new BadFeishuRequest(
          "encrypt: missing; set an Encrypt Key in the Feishu console (Events & Callbacks)");
    }
    return encrypt.asText();
  }

  static JsonNode read(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        throw new BadFeishuRequest("body: expected a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new BadFeishuRequest("body: not valid JSON");
    }
  }

  private void refuse(RoutingContext rc, String problem) {
    String from =
        rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().toString();
    log.warn("feishu: refused {} from {}: {}", rc.request().path(), from, problem);
    text(rc, 401, "request refused: " + problem);
  }

  private static void json(RoutingContext rc, String body) {
    if (rc.response().ended()) {
      return;
    }
    rc.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body);
  }
}
