package lookout.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.MessageFixtures;
import lookout.adapters.chat.MessageRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackAdapterTest {
  static final ConversationRef THREAD = new ConversationRef("slack", "C1", "111.222");
  FakeSlackApi api;
  SlackAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    api = new FakeSlackApi();
    adapter = new SlackAdapter("xoxb-test-token", api.url());
  }

  @AfterEach
  void stop() {
    adapter.close();
    api.close();
  }

  @Test
  void post_is_chat_post_message_in_the_thread_with_blocks() throws Exception {
    MessageRef ref = adapter.post(THREAD, MessageFixtures.approvalCard());

    FakeSlackApi.Call call = api.next(5);
    assertThat(call.method()).isEqualTo("chat.postMessage");
    assertThat(call.field("channel")).isEqualTo("C1");
    assertThat(call.field("thread_ts")).isEqualTo("111.222");
    assertThat(call.field("text")).startsWith("Approval needed");
    assertThat(call.field("blocks")).contains("a1.approve.sig");
    assertThat(call.authorization()).isEqualTo("Bearer xoxb-test-token");
    assertThat(ref.messageId()).matches("\\d+\\.\\d{6}");
    assertThat(ref.conversation()).isEqualTo(THREAD);
  }

  @Test
  void update_is_chat_update_of_that_message() throws Exception {
    adapter.update(new MessageRef(THREAD, "333.444"), MessageFixtures.approvalCard());

    FakeSlackApi.Call call = api.next(5);
    assertThat(call.method()).isEqualTo("chat.update");
    assertThat(call.field("ts")).isEqualTo("333.444");
    assertThat(call.field("channel")).isEqualTo("C1");
  }

  @Test
  void a_rate_limit_says_when_to_retry() {
    api.rateLimitNext(7);

    assertThatThrownBy(() -> adapter.post(THREAD, MessageFixtures.approvalCard()))
        .isInstanceOfSatisfying(
            ChatRetryLater.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)))
        .hasMessageContaining("channel C1")
        .hasMessageContaining("429");
  }

  @Test
  void a_server_error_may_be_retried() {
    api.failNext(503);

    assertThatThrownBy(() -> adapter.post(THREAD, MessageFixtures.approvalCard()))
        .isInstanceOf(ChatRetryLater.class)
        .hasMessageContaining("503");
  }

  @Test
  void a_refusal_by_slack_is_final_and_names_the_error_but_not_the_token() {
    api.refuseNext("channel_not_found");

    assertThatThrownBy(() -> adapter.post(THREAD, MessageFixtures.approvalCard()))
        .isInstanceOf(ChatException.class)
        .isNotInstanceOf(ChatRetryLater.class)
        .hasMessageContaining("channel_not_found")
        .hasMessageNotContaining("xoxb");
  }

  @Test
  void an_unreachable_slack_may_be_retried() {
    api.close();

    assertThatThrownBy(() -> adapter.post(THREAD, MessageFixtures.approvalCard()))
        .isInstanceOf(ChatRetryLater.class);
  }
}
