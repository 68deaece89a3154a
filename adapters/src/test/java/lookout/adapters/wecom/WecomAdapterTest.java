package lookout.adapters.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageFixtures;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Pace;
import lookout.adapters.outbox.Outbox;
import lookout.adapters.outbox.TestOutbox;
import lookout.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbound side against a fake WeCom API on loopback. */
class WecomAdapterTest {
  FakeWecomApi api;
  WecomAdapter wecom;

  @BeforeEach
  void start() throws Exception {
    api = new FakeWecomApi();
    wecom =
        new WecomAdapter(
            api.url(),
            Optional.of(new WecomAdapter.App(FakeWecomApi.CORP_ID, 1000002, FakeWecomApi.SECRET)),
            Map.of("ops", "robot-key-ops"),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  static ConversationRef at(String channel) {
    return at(channel, null);
  }

  static ConversationRef at(String channel, String thread) {
    return new ConversationRef("wecom", channel, thread);
  }

  @Test
  void the_access_token_is_fetched_once_and_reused() {
    wecom.post(at("app:zhangsan"), Message.text("one"));
    wecom.post(at("app:zhangsan"), Message.text("two"));

    assertThat(api.tokensIssued()).isEqualTo(1);
    assertThat(api.calls("/message/send"))
        .allMatch(c -> c.query().get("access_token").equals("token-1"));
  }

  @Test
  void an_expired_token_is_refreshed_and_the_send_retried_once() {
    wecom.post(at("app:zhangsan"), Message.text("one"));
    api.expireToken();

    wecom.post(at("app:zhangsan"), Message.text("two"));

    assertThat(api.tokensIssued()).isEqualTo(2);
    assertThat(api.calls("/message/send")).hasSize(3);
    assertThat(api.calls("/message/send").get(2).query().get("access_token")).isEqualTo("token-2");
  }

  @Test
  void rate_limits_and_busy_answers_are_retried_later_and_refusals_are_not() {
    api.failNext("/message/send", 45009);
    assertThatThrownBy(() -> wecom.post(at("app:a"), Message.text("x")))
        .isInstanceOfSatisfying(
            ChatRetryLater.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(60)));
    api.failNext("/message/send", -1);
    assertThatThrownBy(() -> wecom.post(at("app:a"), Message.text("x")))
        .isInstanceOf(ChatRetryLater.class);
    api.failNext("/message/send", 60020);
    assertThatThrownBy(() -> wecom.post(at("app:a"), Message.text("x")))
        .isInstanceOf(ChatException.class)
        .isNotInstanceOf(ChatRetryLater.class)
        .hasMessageContaining("errcode 60020")
        .hasMessageNotContaining("token-");
  }

  @Test
  void a_wrong_secret_is_a_refusal_naming_the_setting() {
    WecomAdapter wrong =
        new WecomAdapter(
            api.url(),
            Optional.of(new WecomAdapter.App(FakeWecomApi.CORP_ID, 1, "not-the-secret")),
            Map.of(),
            Clock.systemUTC());

    assertThatThrownBy(() -> wrong.post(at("app:a"), Message.text("x")))
        .isInstanceOf(ChatException.class)
        .isNotInstanceOf(ChatRetryLater.class)
        .hasMessageContaining("wecom.app.secret")
        .hasMessageNotContaining("not-the-secret");
  }

  @Test
  void a_message_with_buttons_is_a_button_card_for_the_user_and_the_approvers() {
    MessageRef card =
        wecom.post(
            at("app:zhangsan"),
            MessageFixtures.approvalCard()
                .toAlso(List.of("wecom:sre1", "slack:U0BOB", "wecom:zhangsan", "wecom:sre2")));

    var send = api.calls("/message/send").get(0);
    assertThat(send.field("msgtype")).isEqualTo("template_card");
    assertThat(send.field("touser")).isEqualTo("zhangsan|sre1|sre2");
    assertThat(send.body().path("template_card").path("card_type").asText())
        .isEqualTo("button_interaction");
    assertThat(send.body().path("template_card").path("task_id").asText())
        .isEqualTo(card.messageId());
    assertThat(card.messageId()).startsWith("lk");
  }

  @Test
  void a_diagnosis_with_buttons_reaches_only_the_asker() {
    wecom.post(at("app:zhangsan"), MessageFixtures.answerWithCodeAndButtons());

    assertThat(api.calls("/message/send"))
        .hasSize(2)
        .allSatisfy(send -> assertThat(send.field("touser")).isEqualTo("zhangsan"));
    assertThat(
            wecom
                .pace(
                    Pace.Kind.POST, at("app:zhangsan"), MessageFixtures.answerWithCodeAndButtons())
                .limits())
        .as("counts against the asker's minute only")
        .hasSize(1);
  }

  @Test
  void an_answer_with_text_and_buttons_is_markdown_for_the_user_then_a_card() {
    MessageRef ref = wecom.post(at("app:zhangsan"), MessageFixtures.answerWithCodeAndButtons());

    var sends = api.calls("/message/send");
    assertThat(sends).hasSize(2);
    assertThat(sends.get(0).field("msgtype")).isEqualTo("markdown");
    assertThat(sends.get(0).field("touser")).isEqualTo("zhangsan");
    assertThat(sends.get(0).body().toString()).contains("DATABASE_URL is not set");
    assertThat(sends.get(1).field("msgtype")).isEqualTo("template_card");
    assertThat(ref.messageId()).startsWith("lk");
  }

  @Test
  void a_decided_card_is_updated_once_with_the_clicks_response_code_then_reposted() {
    MessageRef card = wecom.post(at("app:zhangsan"), MessageFixtures.approvalCard());
    wecom.responseCode(card.messageId(), "code-from-click");

    wecom.update(card, Message.text("Approved by wecom:sre1 — starting: restart"));
    wecom.update(card, Message.text("Done: restart — approved by wecom:sre1"));

    var update = api.calls("/update_template_card");
    assertThat(update).hasSize(1);
    assertThat(update.get(0).field("response_code")).isEqualTo("code-from-click");
    assertThat(update.get(0).body().path("button").path("replace_name").asText())
        .startsWith("Approved by");
    var repost = api.calls("/message/send").get(1);
    assertThat(repost.field("msgtype")).isEqualTo("markdown");
    assertThat(repost.body().path("markdown").path("content").asText()).contains("Done: restart");
  }

  @Test
  void a_card_that_still_has_buttons_is_replaced_whole_so_the_next_approver_can_click() {
    MessageRef card = wecom.post(at("app:zhangsan"), MessageFixtures.approvalCard());

    wecom.update(card, MessageFixtures.approvalCard());

    var update = api.calls("/update_template_card").get(0);
    assertThat(update.field("response_code")).startsWith("code-send-");
    assertThat(update.body().path("template_card").path("task_id").asText())
        .isEqualTo(card.messageId());
    assertThat(update.body().path("template_card").path("button_list")).hasSize(2);
  }

  @Test
  void the_ai_bot_answers_once_through_response_url_then_through_the_app() {
    wecom.replyPath("m-1", api.replyUrl("m-1"), "lisi");
    ConversationRef group = at("aibot:group:wrk1", "m-1");

    wecom.post(group, MessageFixtures.answerWithCodeAndButtons());
    wecom.post(group, MessageFixtures.approvalCard().toAlso(List.of("wecom:sre1")));

    var reply = api.calls("/aibot/reply/m-1");
    assertThat(reply).hasSize(1);
    assertThat(reply.get(0).field("msgtype")).isEqualTo("markdown");
    var card = api.calls("/message/send").get(0);
    assertThat(card.field("msgtype")).isEqualTo("template_card");
    assertThat(card.field("touser")).isEqualTo("lisi|sre1");
  }

  @Test
  void a_group_robot_takes_20_a_minute_and_the_outbox_holds_the_21st(@TempDir Path dir) {
    TestClock clock = TestClock.at("2026-11-22T08:00:00Z");
    Outbox outbox = TestOutbox.open(dir, clock);
    ChatAdapter queued = outbox.wrap(wecom);
    for (int i = 0; i < 21; i++) {
      queued.post(at("robot:ops"), Message.text("alert " + i));
    }

    // Five back to back, then one every three seconds: twenty within the minute, never more.
    for (int s = 0; s < 60; s += 3) {
      outbox.deliverDue();
      clock.advance(Duration.ofSeconds(3));
    }

    assertThat(api.calls("/webhook/send")).hasSize(20);
    assertThat(api.calls("/webhook/send").get(0).query().get("key")).isEqualTo("robot-key-ops");
    outbox.deliverDue();
    assertThat(api.calls("/webhook/send")).as("the 21st waited at most a minute").hasSize(21);
  }

  @Test
  void a_robot_post_with_a_chart_counts_as_two_messages_against_the_robots_limit() {
    Message alert =
        new Message(
            "Forecast for prod",
            List.of(new lookout.adapters.chat.Part.Image("volume data-db-0", new byte[100])));

    var pace = wecom.pace(Pace.Kind.POST, at("robot:ops"), alert);

    assertThat(pace.sends()).isEqualTo(2);
    assertThat(pace.limits())
        .containsExactly(new Pace.Limit("robot:ops", 20, Duration.ofMinutes(1), 5));
  }

  @Test
  void a_robot_post_with_a_chart_sends_the_picture_after_the_text() {
    byte[] png = new byte[3000];
    new java.util.Random(3).nextBytes(png);
    Message alert =
        new Message(
            "Forecast for prod",
            List.of(
                new lookout.adapters.chat.Part.Section(null, "data-db-0 fills up on Tue"),
                new lookout.adapters.chat.Part.Image("volume data-db-0", png)));

    wecom.post(at("robot:ops"), alert);

    var sent = api.calls("/webhook/send");
    assertThat(sent).extracting(c -> c.field("msgtype")).containsExactly("markdown", "image");
    var image = sent.get(1).body().path("image");
    assertThat(java.util.Base64.getDecoder().decode(image.path("base64").asText())).isEqualTo(png);
    assertThat(image.path("md5").asText()).hasSize(32);
  }

  @Test
  void an_unknown_robot_or_channel_is_a_refusal() {
    assertThatThrownBy(() -> wecom.post(at("robot:nope"), Message.text("x")))
        .hasMessageContaining("wecom.robots");
    assertThatThrownBy(() -> wecom.post(at("C123"), Message.text("x")))
        .hasMessageContaining("not an app:, aibot: or robot: channel");
  }
}
