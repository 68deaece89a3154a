package lookout.adapters.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageFixtures;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.outbox.Outbox;
import lookout.adapters.outbox.TestOutbox;
import lookout.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeishuAdapterTest {
  FakeFeishuApi api;
  FeishuAdapter feishu;

  @BeforeEach
  void start() throws Exception {
    api = new FakeFeishuApi();
    feishu = new FeishuAdapter("cli_test", "secret-for-tests-only", api.url(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void an_answer_is_a_threaded_reply_card_with_a_tenant_token() throws Exception {
    var where = new ConversationRef("feishu", "oc_ops", "om_question");

    MessageRef ref = feishu.post(where, MessageFixtures.approvalCard());

    FakeFeishuApi.Call call = api.all().getFirst();
    assertThat(call.kind()).isEqualTo("reply");
    assertThat(call.pathId()).isEqualTo("om_question");
    assertThat(call.field("msg_type")).isEqualTo("interactive");
    assertThat(call.field("reply_in_thread")).isEqualTo("true");
    assertThat(call.field("uuid")).startsWith("lookout-").hasSizeLessThanOrEqualTo(50);
    assertThat(call.card().path("schema").asText()).isEqualTo("2.0");
    assertThat(call.authorization()).isEqualTo("Bearer t-fake-1");
    assertThat(ref.messageId()).isEqualTo(call.answeredId());
  }

  @Test
  void without_a_thread_the_card_is_created_in_the_chat() {
    feishu.post(new ConversationRef("feishu", "oc_alerts", null), Message.text("告警：磁盘将满"));

    FakeFeishuApi.Call call = api.all().getFirst();
    assertThat(call.kind()).isEqualTo("create");
    assertThat(call.field("receive_id")).isEqualTo("oc_alerts");
    assertThat(call.card().path("header").path("title").path("content").asText())
        .isEqualTo("告警：磁盘将满");
  }

  @Test
  void posting_the_same_card_again_after_a_crash_does_not_post_twice() {
    var where = new ConversationRef("feishu", "oc_ops", "om_q2");

    MessageRef first = feishu.post(where, MessageFixtures.answerWithCodeAndButtons());
    MessageRef again = feishu.post(where, MessageFixtures.answerWithCodeAndButtons());

    assertThat(again.messageId()).isEqualTo(first.messageId());
    assertThat(api.all().get(0).field("uuid")).isEqualTo(api.all().get(1).field("uuid"));
  }

  @Test
  void an_update_patches_the_card_in_place() {
    var ref = new MessageRef(new ConversationRef("feishu", "oc_ops", "om_q"), "om_card");

    feishu.update(ref, Message.text("Done: restarted staging/checkout"));

    FakeFeishuApi.Call call = api.all().getFirst();
    assertThat(call.kind()).isEqualTo("patch");
    assertThat(call.pathId()).isEqualTo("om_card");
    assertThat(call.card().toString()).contains("Done: restarted staging/checkout");
  }

  @Test
  void a_rate_limit_becomes_retry_later_with_feishus_reset_time() {
    api.rateLimitNext(7);

    assertThatThrownBy(() -> feishu.post(where(), Message.text("hi")))
        .isInstanceOfSatisfying(
            ChatRetryLater.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)))
        .hasMessageContaining("while posting to Feishu chat oc_ops")
        .hasMessageContaining("99991400");
  }

  @Test
  void a_server_error_becomes_retry_later() {
    api.failNext(503);

    assertThatThrownBy(() -> feishu.post(where(), Message.text("hi")))
        .isInstanceOf(ChatRetryLater.class);
  }

  @Test
  void an_invalid_token_is_dropped_and_the_retry_fetches_a_new_one() {
    api.invalidTokenNext();

    assertThatThrownBy(() -> feishu.post(where(), Message.text("hi")))
        .isInstanceOf(ChatRetryLater.class);
    feishu.post(new ConversationRef("feishu", "oc_other", "om_x"), Message.text("hi"));

    assertThat(api.tokensIssued()).isEqualTo(2);
    assertThat(api.all().getLast().authorization()).isEqualTo("Bearer t-fake-2");
  }

  @Test
  void a_refusal_is_a_plain_chat_exception_naming_feishus_code() {
    api.refuseNext(230002, "Bot/User can NOT be out of the chat.");

    assertThatThrownBy(() -> feishu.post(where(), Message.text("hi")))
        .isExactlyInstanceOf(ChatException.class)
        .hasMessageContaining("230002");
  }

  @Test
  void a_sixth_message_in_one_second_to_one_chat_waits_but_other_chats_do_not(@TempDir Path dir) {
    TestClock clock = TestClock.at("2026-11-22T08:00:00Z");
    Outbox outbox = TestOutbox.open(dir, clock);
    ChatAdapter queued = outbox.wrap(feishu);
    for (int i = 0; i < 6; i++) {
      queued.post(where(), Message.text("line " + i));
    }
    queued.post(new ConversationRef("feishu", "oc_quiet", "om_y"), Message.text("hi"));

    outbox.deliverDue();

    assertThat(api.all()).hasSize(6);
    clock.advance(Duration.ofSeconds(1));
    outbox.deliverDue();
    assertThat(api.all()).as("the sixth waited at most a second").hasSize(7);
  }

  private static ConversationRef where() {
    return new ConversationRef("feishu", "oc_ops", "om_q");
  }

  @Test
  void a_chart_is_uploaded_once_and_shown_in_the_card_by_its_image_key() throws Exception {
    byte[] png = new byte[4096];
    new java.util.Random(7).nextBytes(png);
    Message withChart =
        new Message(
            "Top memory in prod",
            java.util.List.of(
                new lookout.adapters.chat.Part.Section(null, "1. prod/order-service 1.6Gi"),
                new lookout.adapters.chat.Part.Image("Top memory in prod", png)));
    var where = new ConversationRef("feishu", "oc_ops", "om_question");

    MessageRef ref = feishu.post(where, withChart);
    feishu.update(ref, withChart);

    assertThat(api.imageUploads()).hasSize(1);
    assertThat(api.imageUploads().getFirst()).isGreaterThan(png.length);
    var img = api.all().getFirst().card().findParent("img_key");
    assertThat(img.path("tag").asText()).isEqualTo("img");
    assertThat(img.path("img_key").asText()).startsWith("img_v2_fake");
    assertThat(img.path("alt").path("content").asText()).isEqualTo("Top memory in prod");
    assertThat(api.all().get(1).card().findParent("img_key").path("img_key").asText())
        .isEqualTo(img.path("img_key").asText());
  }
}
