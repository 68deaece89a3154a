package lookout.adapters.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Part;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The callback routes with WeCom's side played by {@link WecomCallbacks}. */
class WecomRoutesTest {
  static Vertx vertx;
  static HttpServer server;
  static FakeWecomApi api;
  static WecomCallbacks wecom;
  static WecomAdapter adapter;
  static final Recorder bot = new Recorder();

  static final class Recorder implements ChatHandler {
    final BlockingQueue<Inbound> inbounds = new LinkedBlockingQueue<>();
    final BlockingQueue<Click> clicks = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(Inbound inbound) {
      inbounds.add(inbound);
    }

    @Override
    public ClickReply onClick(Click click) {
      clicks.add(click);
      return ClickReply.refused("You cannot approve your own request.");
    }
  }

  @BeforeAll
  static void start() throws Exception {
    api = new FakeWecomApi();
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    adapter =
        new WecomAdapter(
            api.url(),
            Optional.of(new WecomAdapter.App(FakeWecomApi.CORP_ID, 1000002, FakeWecomApi.SECRET)),
            Map.of(),
            Clock.systemUTC());
    new WecomRoutes(
            new WecomCrypto(
                WecomCallbacks.APP_TOKEN,
                WecomCallbacks.APP_AES_KEY,
                FakeWecomApi.CORP_ID,
                Clock.systemUTC()),
            new WecomCrypto(
                WecomCallbacks.BOT_TOKEN, WecomCallbacks.BOT_AES_KEY, "", Clock.systemUTC()),
            bot,
            adapter,
            Executors.newVirtualThreadPerTaskExecutor())
        .mount(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    wecom = new WecomCallbacks(server.actualPort(), FakeWecomApi.CORP_ID);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    api.close();
  }

  @BeforeEach
  void reset() {
    bot.inbounds.clear();
    bot.clicks.clear();
  }

  @Test
  void the_url_checks_answer_the_decrypted_echostr_and_nothing_else() throws Exception {
    var app = wecom.verifyUrl(WecomRoutes.APP, "1616140317555161061");
    var aibot = wecom.verifyUrl(WecomRoutes.AIBOT, "8845012345");

    assertThat(app.statusCode()).isEqualTo(200);
    assertThat(app.body()).isEqualTo("1616140317555161061");
    assertThat(aibot.body()).isEqualTo("8845012345");
  }

  @Test
  void an_app_text_message_reaches_the_bot_as_the_member_who_wrote_it() throws Exception {
    var r = wecom.toApp(WecomCallbacks.appText("zhangsan", "7001", "why is checkout failing?"));

    assertThat(r.statusCode()).isEqualTo(200);
    Inbound in = bot.inbounds.poll(5, TimeUnit.SECONDS);
    assertThat(in).isNotNull();
    assertThat(in.user().qualified()).isEqualTo("wecom:zhangsan");
    assertThat(in.eventId()).isEqualTo("7001");
    assertThat(in.conversation().channel()).isEqualTo("app:zhangsan");
    assertThat(in.text()).isEqualTo("why is checkout failing?");
  }

  @Test
  void a_group_mention_to_the_ai_bot_loses_the_mention_and_keeps_its_group() throws Exception {
    var r =
        wecom.toAibot(
            WecomCallbacks.aibotText(
                "m-1",
                "lisi",
                "wrkSFfCgAAxxxx",
                "@Lookout why is checkout failing?",
                api.replyUrl("m-1")));

    assertThat(r.statusCode()).isEqualTo(200);
    Inbound in = bot.inbounds.poll(5, TimeUnit.SECONDS);
    assertThat(in.user().qualified()).isEqualTo("wecom:lisi");
    assertThat(in.conversation().channel()).isEqualTo("aibot:group:wrkSFfCgAAxxxx");
    assertThat(in.conversation().thread()).isEqualTo("m-1");
    assertThat(in.text()).isEqualTo("why is checkout failing?");
  }

  @Test
  void an_ai_bot_answer_is_a_stream_that_wecom_polls_until_the_final_version_finishes_it()
      throws Exception {
    var r =
        wecom.toAibot(
            WecomCallbacks.aibotText(
                "m-s1",
                "lisi",
                "wrkGroup7",
                "@Lookout why is checkout failing?",
                api.replyUrl("m-s1")));

    JsonNode opened = wecom.passiveReply(r.body());
    assertThat(opened.path("msgtype").asText()).isEqualTo("stream");
    assertThat(opened.path("stream").path("id").asText()).isEqualTo("m-s1");
    assertThat(opened.path("stream").path("finish").asBoolean()).isFalse();
    ConversationRef where = bot.inbounds.poll(5, TimeUnit.SECONDS).conversation();
    assertThat(adapter.editEvery(where)).as("a stream is edited in place").isPresent();

    MessageRef ref =
        adapter.post(
            where,
            new Message(
                    "checkout is in CrashLoopBackOff",
                    List.of(new Part.Section("Analysis", "analysis in progress…")))
                .asInterim());
    JsonNode evidence = refresh("m-s1-r1", "m-s1");
    assertThat(evidence.path("stream").path("content").asText())
        .contains("CrashLoopBackOff", "analysis in progress");
    assertThat(evidence.path("stream").path("finish").asBoolean()).isFalse();

    adapter.update(
        ref,
        new Message(
            "checkout is in CrashLoopBackOff",
            List.of(
                new Part.Section("Analysis", "DATABASE_URL is unset; set it and roll out."),
                new Part.Actions(
                    List.of(new Part.Button("Restart", "a9.restart.sig", Part.Style.PRIMARY))))),
        2);
    JsonNode last = refresh("m-s1-r2", "m-s1");
    assertThat(last.path("stream").path("content").asText())
        .contains("CrashLoopBackOff", "DATABASE_URL is unset")
        .doesNotContain("analysis in progress");
    assertThat(last.path("stream").path("finish").asBoolean()).isTrue();

    assertThat(api.calls("/aibot/reply/m-s1")).as("the response_url stays unused").isEmpty();
    assertThat(api.calls("/message/send"))
        .filteredOn(c -> "lisi".equals(c.field("touser")))
        .singleElement()
        .satisfies(
            card ->
                assertThat(card.field("msgtype"))
                    .as("a stream has no buttons: they go to the asker as a card")
                    .isEqualTo("template_card"));
    assertThat(adapter.editEvery(where)).as("a finished stream is not edited").isEmpty();
    assertThat(refresh("m-s1-r3", "no-such-stream").path("stream").path("finish").asBoolean())
        .as("a stream this process does not know ends at once")
        .isTrue();
  }

  private static JsonNode refresh(String msgId, String streamId) throws Exception {
    var r = wecom.toAibot(WecomCallbacks.aibotStreamRefresh(msgId, "lisi", "wrkGroup7", streamId));
    assertThat(r.statusCode()).isEqualTo(200);
    return wecom.passiveReply(r.body());
  }

  @Test
  void a_card_click_reaches_the_bot_with_its_task_and_token() throws Exception {
    var r = wecom.toApp(WecomCallbacks.cardClick("wangwu", "lk0011", "a1.approve.sig", "rc-1"));

    assertThat(r.statusCode()).isEqualTo(200);
    Click click = bot.clicks.poll(5, TimeUnit.SECONDS);
    assertThat(click.token()).isEqualTo("a1.approve.sig");
    assertThat(click.message().messageId()).isEqualTo("lk0011");
    assertThat(click.user().qualified()).isEqualTo("wecom:wangwu");
    var told = api.await("/message/send", 1, 5);
    assertThat(told.field("touser")).isEqualTo("wangwu");
    assertThat(told.body().path("markdown").path("content").asText()).contains("cannot approve");
  }

  @Test
  void a_forged_signature_is_401_and_the_bot_hears_nothing() throws Exception {
    var s = WecomCallbacks.seal(wecom.appCrypto(), WecomCallbacks.appText("eve", "7002", "hi"));
    var forged = new WecomCallbacks.Signed(s.encrypt(), "0".repeat(40), s.timestamp(), s.nonce());

    var r =
        wecom.post(WecomRoutes.APP, forged, "<xml><Encrypt>" + s.encrypt() + "</Encrypt></xml>");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(bot.inbounds.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void an_app_message_sent_to_the_ai_bot_url_is_refused_for_its_receive_id() throws Exception {
    // Same token and key on both surfaces would otherwise let one stand in for the other.
    WecomCrypto appWithBotKey =
        new WecomCrypto(
            WecomCallbacks.BOT_TOKEN,
            WecomCallbacks.BOT_AES_KEY,
            FakeWecomApi.CORP_ID,
            Clock.systemUTC());
    var s =
        WecomCallbacks.seal(appWithBotKey, WecomCallbacks.aibotText("m-9", "eve", null, "hi", "x"));

    var r = wecom.post(WecomRoutes.AIBOT, s, "{\"encrypt\":\"" + s.encrypt() + "\"}");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("receive id");
    assertThat(bot.inbounds.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void a_stale_callback_is_401() throws Exception {
    String enc = wecom.appCrypto().encrypt(WecomCallbacks.appText("eve", "7003", "hi"));
    String old = String.valueOf(System.currentTimeMillis() / 1000 - 3600);
    var s = new WecomCallbacks.Signed(enc, wecom.appCrypto().signature(old, "5", enc), old, "5");

    var r = wecom.post(WecomRoutes.APP, s, "<xml><Encrypt>" + enc + "</Encrypt></xml>");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("stale");
  }

  @Test
  void malformed_bodies_are_400_naming_the_problem() throws Exception {
    var s = WecomCallbacks.seal(wecom.appCrypto(), "<xml><MsgType>text</MsgType></xml>");
    var noSender =
        wecom.post(WecomRoutes.APP, s, "<xml><Encrypt>" + s.encrypt() + "</Encrypt></xml>");
    var notXml = wecom.post(WecomRoutes.APP, s, "{not xml");
    var notJson = wecom.post(WecomRoutes.AIBOT, s, "<xml/>");
    var doctype =
        wecom.post(
            WecomRoutes.APP,
            s,
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml>&e;</xml>");

    assertThat(noSender.statusCode()).isEqualTo(400);
    assertThat(noSender.body()).contains("FromUserName");
    assertThat(notXml.statusCode()).isEqualTo(400);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(doctype.statusCode()).isEqualTo(400);
    assertThat(bot.inbounds.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void a_body_over_one_mebibyte_is_413() throws Exception {
    var s = WecomCallbacks.seal(wecom.appCrypto(), "x");
    var r = wecom.post(WecomRoutes.APP, s, "<xml>" + "a".repeat(1024 * 1024 + 10) + "</xml>");

    assertThat(r.statusCode()).isEqualTo(413);
  }
}
