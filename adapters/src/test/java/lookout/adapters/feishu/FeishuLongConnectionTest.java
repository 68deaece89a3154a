package lookout.adapters.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lookout.adapters.chat.Inbound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official SDK's long-connection client against a fake Feishu socket: events and card callbacks
 * arrive as protobuf frames and go through the same handlers as the HTTP route.
 */
class FeishuLongConnectionTest {
  static FakeFeishuSocket feishu;
  static FeishuLongConnection connection;
  static final FeishuRoutesTest.Recorder bot = new FeishuRoutesTest.Recorder();
  static final SignedFeishuRequests events = new SignedFeishuRequests(1, "unused-key", "tok");

  @BeforeAll
  static void start() {
    feishu = new FakeFeishuSocket();
    FeishuRoutesTest.echo = new CardEcho(new FeishuRoutesTest.Nowhere());
    connection =
        new FeishuLongConnection(
            "cli_wstest",
            "secret-for-tests-only",
            feishu.url(),
            new FeishuDispatch(
                "ou_bot", bot, FeishuRoutesTest.echo, Executors.newVirtualThreadPerTaskExecutor()));
    connection.start();
  }

  @AfterAll
  static void stop() {
    connection.close();
    feishu.close();
  }

  @Test
  void a_mention_over_the_long_connection_reaches_the_bot_and_is_acknowledged() throws Exception {
    feishu.push(
        "event",
        "m1",
        events.message(
            "evWs1",
            "ou_carol",
            "oc_ops",
            "group",
            "om_ws1",
            "@_user_1 看看 checkout",
            new String[] {"@_user_1", "ou_bot", "Lookout"}));

    Inbound in = bot.inbounds.poll(10, TimeUnit.SECONDS);
    assertThat(in).isNotNull();
    assertThat(in.text()).isEqualTo("看看 checkout");
    assertThat(in.user().qualified()).isEqualTo("feishu:ou_carol");
    assertThat(feishu.reply(10).path("code").asInt()).isEqualTo(200);
    assertThat(feishu.askedBy()).contains("cli_wstest");
  }

  @Test
  void a_card_click_over_the_long_connection_is_answered_with_toast_and_card() throws Exception {
    // Callbacks (card.action.trigger) come as event frames; the SDK ignores legacy "card" frames.
    feishu.push(
        "event", "m2", events.cardAction("cbWs1", "ou_bob", "oc_ops", "om_card", "a9.approve.sig"));

    JsonNode reply = feishu.reply(10);
    while (!reply.has("decoded")) {
      reply = feishu.reply(10);
    }
    assertThat(reply.path("decoded").path("toast").path("content").asText()).contains("已批准");
    assertThat(reply.path("decoded").path("card").path("data").toString())
        .contains("feishu:ou_bob");
    assertThat(bot.clicks.poll(1, TimeUnit.SECONDS).token()).isEqualTo("a9.approve.sig");
  }
}
