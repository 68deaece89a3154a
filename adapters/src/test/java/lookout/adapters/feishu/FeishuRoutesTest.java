package lookout.adapters.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeishuRoutesTest {
  static final String KEY = "encrypt-key-for-tests-only";
  static final String TOKEN = "verification-token-for-tests";
  static final String BOT = "ou_bot";
  static final ObjectMapper JSON = new ObjectMapper();
  static Vertx vertx;
  static HttpServer server;
  static SignedFeishuRequests feishu;
  static final Recorder bot = new Recorder();
  static CardEcho echo;

  /** Stands in for the bot: records inbounds and clicks; a click edits the card it was on. */
  static final class Recorder implements ChatHandler {
    final BlockingQueue<Inbound> inbounds = new LinkedBlockingQueue<>();
    final BlockingQueue<Click> clicks = new LinkedBlockingQueue<>();
    volatile boolean onEventLoop;
    volatile boolean fail;

    @Override
    public void onMessage(Inbound inbound) {
      onEventLoop |= Context.isOnEventLoopThread();
      if (fail) {
        throw new IllegalStateException("database is down");
      }
      inbounds.add(inbound);
    }

    @Override
    public ClickReply onClick(Click click) {
      onEventLoop |= Context.isOnEventLoopThread();
      clicks.add(click);
      echo.update(click.message(), Message.text("Approved by " + click.user() + " ✅"));
      return ClickReply.accepted("已批准 — approved.");
    }
  }

  /** Where the edits would go in the app (the outbox); here they are dropped. */
  static final class Nowhere implements ChatAdapter {
    @Override
    public String platform() {
      return "feishu";
    }

    @Override
    public MessageRef post(ConversationRef where, Message message) {
      return new MessageRef(where, "om_none");
    }

    @Override
    public void update(MessageRef ref, Message message) {}
  }

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    echo = new CardEcho(new Nowhere());
    var blocking = Executors.newVirtualThreadPerTaskExecutor();
    new FeishuRoutes(
            new FeishuRequestVerifier(new FeishuCrypto(KEY), TOKEN, Clock.systemUTC()),
            new FeishuDispatch(BOT, bot, echo, blocking),
            blocking)
        .mount(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    feishu = new SignedFeishuRequests(server.actualPort(), KEY, TOKEN);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @BeforeEach
  void reset() {
    bot.inbounds.clear();
    bot.clicks.clear();
    bot.fail = false;
  }

  private static String mention(String eventId, String text) {
    return feishu.message(
        eventId,
        "ou_carol",
        "oc_ops",
        "group",
        "om_" + eventId,
        text,
        new String[] {"@_user_1", BOT, "Lookout"});
  }

  @Test
  void the_url_check_is_answered_with_its_challenge() throws Exception {
    var response =
        feishu.sendRaw(
            JSON.createObjectNode()
                .put("encrypt", new FeishuCrypto(KEY).encrypt(feishu.challenge("ch-123")))
                .toString(),
            null,
            false);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("challenge").asText()).isEqualTo("ch-123");
  }

  @Test
  void a_group_mention_reaches_the_bot_without_the_mention_off_the_event_loop() throws Exception {
    var response = feishu.send(mention("ev1", "@_user_1 为什么 checkout 一直重启？"));

    assertThat(response.statusCode()).isEqualTo(200);
    Inbound in = bot.inbounds.poll(5, TimeUnit.SECONDS);
    assertThat(in).isNotNull();
    assertThat(in.eventId()).isEqualTo("ev1");
    assertThat(in.text()).isEqualTo("为什么 checkout 一直重启？");
    assertThat(in.user().qualified()).isEqualTo("feishu:ou_carol");
    assertThat(in.conversation()).isEqualTo(new ConversationRef("feishu", "oc_ops", "om_ev1"));
    assertThat(bot.onEventLoop).isFalse();
  }

  @Test
  void a_group_message_that_mentions_someone_else_is_not_for_the_bot() throws Exception {
    var response =
        feishu.send(
            feishu.message(
                "ev2",
                "ou_carol",
                "oc_ops",
                "group",
                "om_ev2",
                "@_user_1 lunch?",
                new String[] {"@_user_1", "ou_dave", "Dave"}));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(bot.inbounds.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void a_direct_message_needs_no_mention() throws Exception {
    feishu.send(feishu.message("ev3", "ou_carol", "oc_dm", "p2p", "om_ev3", "状态"));

    Inbound in = bot.inbounds.poll(5, TimeUnit.SECONDS);
    assertThat(in).isNotNull();
    assertThat(in.text()).isEqualTo("状态");
  }

  @Test
  void a_forged_signature_gets_401_and_nothing_reaches_the_bot() throws Exception {
    var forged = new SignedFeishuRequests(server.actualPort(), "someone-elses-key", TOKEN);

    var response = forged.send(mention("ev4", "@_user_1 scale checkout to 0"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("X-Lark-Signature does not match");
    assertThat(bot.inbounds.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void a_stale_request_gets_401() throws Exception {
    long tenMinutesAgo = Instant.now().getEpochSecond() - 600;

    var response = feishu.send(mention("ev5", "@_user_1 hi"), tenMinutesAgo);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("away from now");
    assertThat(bot.inbounds.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void an_unsigned_event_gets_401() throws Exception {
    String body =
        JSON.createObjectNode()
            .put("encrypt", new FeishuCrypto(KEY).encrypt(mention("ev6", "@_user_1 hi")))
            .toString();

    assertThat(feishu.sendRaw(body, null, false).statusCode()).isEqualTo(401);
    assertThat(bot.inbounds.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void the_wrong_verification_token_gets_401() throws Exception {
    var otherApp = new SignedFeishuRequests(server.actualPort(), KEY, "another-apps-token");

    var response =
        otherApp.send(mention("ev7", "@_user_1 hi").replace(TOKEN, "another-apps-token"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("verification token");
  }

  @Test
  void undecryptable_or_malformed_bodies_get_400_naming_the_problem() throws Exception {
    String now = String.valueOf(Instant.now().getEpochSecond());
    var garbage =
        feishu.sendRaw("{\"encrypt\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}", now, true);
    var notJson = feishu.sendRaw("encrypt=1", now, true);
    var plain = feishu.sendRaw(mention("ev8", "@_user_1 hi"), now, true);

    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.body()).contains("Encrypt Key");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("not valid JSON");
    assertThat(plain.statusCode()).isEqualTo(400);
    assertThat(plain.body()).contains("encrypt: missing");
    assertThat(bot.inbounds.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void a_verified_event_with_fields_feishu_would_not_send_gets_400_not_a_retry() throws Exception {
    var noType =
        feishu.send(
            mention("ev10", "@_user_1 hi")
                .replace("\"event_type\":\"im.message.receive_v1\",", ""));
    var wrongType =
        feishu.send(
            "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"ev11\",\"event_type\":"
                + "\"im.message.receive_v1\",\"token\":\""
                + TOKEN
                + "\"},\"event\":{\"message\":\"not an object\"}}");
    var noMessageId =
        feishu.send(mention("ev12", "@_user_1 hi").replace("\"message_id\":\"om_ev12\",", ""));

    assertThat(noType.statusCode()).isEqualTo(400);
    assertThat(noType.body()).contains("header.event_type");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(noMessageId.statusCode()).isEqualTo(400);
    assertThat(noMessageId.body()).contains("event.message.message_id");
    assertThat(bot.inbounds.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void a_body_over_one_mebibyte_gets_413() throws Exception {
    String huge = "{\"encrypt\":\"" + "A".repeat(1024 * 1024 + 10) + "\"}";

    var response = feishu.sendRaw(huge, String.valueOf(Instant.now().getEpochSecond()), true);

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void an_event_the_bot_cannot_take_gets_500_so_feishu_delivers_it_again() throws Exception {
    bot.fail = true;

    assertThat(feishu.send(mention("ev9", "@_user_1 hi")).statusCode()).isEqualTo(500);
  }

  @Test
  void a_card_click_is_answered_with_a_toast_and_the_updated_card() throws Exception {
    var response =
        feishu.send(feishu.cardAction("cb1", "ou_bob", "oc_ops", "om_card", "a1.approve.sig"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("toast").path("type").asText()).isEqualTo("success");
    assertThat(answer.path("toast").path("content").asText()).isEqualTo("已批准 — approved.");
    assertThat(answer.path("card").path("type").asText()).isEqualTo("raw");
    assertThat(answer.path("card").path("data").path("schema").asText()).isEqualTo("2.0");
    assertThat(answer.path("card").path("data").toString()).contains("feishu:ou_bob ✅");
    Click click = bot.clicks.poll(1, TimeUnit.SECONDS);
    assertThat(click.user().qualified()).isEqualTo("feishu:ou_bob");
    assertThat(click.token()).isEqualTo("a1.approve.sig");
    assertThat(click.message().messageId()).isEqualTo("om_card");
  }
}
