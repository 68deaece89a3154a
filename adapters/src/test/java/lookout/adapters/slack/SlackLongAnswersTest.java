package lookout.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageFixtures;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Part;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Long answers through the official SDK against the fake Web API: continued, or attached. */
class SlackLongAnswersTest {
  static final ConversationRef THREAD = new ConversationRef("slack", "C1", "111.222");
  static final ObjectMapper JSON = new ObjectMapper();
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
  void an_answer_longer_than_50_blocks_continues_in_the_thread_and_keeps_buttons_first()
      throws Exception {
    MessageRef ref = adapter.post(THREAD, sections(70, "Request: restart"));

    List<FakeSlackApi.Posted> posted = api.posted();
    assertThat(posted).hasSize(2);
    assertThat(posted).allSatisfy(p -> assertThat(p.thread()).isEqualTo("111.222"));
    assertThat(ref.messageId()).isEqualTo(posted.get(0).ts());
    String first = api.all().get(0).field("blocks");
    String second = api.all().get(1).field("blocks");
    assertThat(first).contains("(1/2) continued in the thread below").contains("p9.sig");
    assertThat(second).contains("(2/2)").contains("word69").doesNotContain("p9.sig");
    for (var call : api.all()) {
      BlockKitRendererTest.assertWithinLimits(JSON.readTree(call.field("blocks")));
    }
  }

  @Test
  void a_long_channel_post_continues_in_its_own_thread() {
    MessageRef ref = adapter.post(new ConversationRef("slack", "C1", null), sections(70, "x"));

    List<FakeSlackApi.Posted> posted = api.posted();
    assertThat(posted.get(0).thread()).isNull();
    assertThat(posted.get(1).thread()).isEqualTo(ref.messageId());
  }

  @Test
  void a_long_log_excerpt_shows_its_last_lines_and_is_attached_whole_in_the_thread() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      log.append("2026-11-22T00:00:")
          .append(i)
          .append("Z ERROR pool exhausted, attempt ")
          .append(i);
      log.append('\n');
    }
    String excerpt = log.toString().strip();

    adapter.post(THREAD, new Message("checkout logs", List.of(new Part.Code(excerpt))));

    assertThat(api.posted()).hasSize(1);
    String blocks = api.all().get(0).field("blocks");
    assertThat(blocks).contains("attempt 399").doesNotContain("attempt 0\\n");
    assertThat(blocks).contains("the whole excerpt (400 lines) is in the attached file");
    assertThat(api.all().stream().map(FakeSlackApi.Call::method))
        .containsSubsequence(
            "chat.postMessage", "files.getUploadURLExternal", "files.completeUploadExternal");
    FakeSlackApi.Uploaded file = api.uploads().get(0);
    assertThat(file.filename()).isEqualTo("lookout-excerpt-1.txt");
    assertThat(file.channel()).isEqualTo("C1");
    assertThat(file.thread()).isEqualTo("111.222");
    assertThat(file.content()).isEqualTo(excerpt);
  }

  @Test
  void an_answer_too_long_even_for_four_messages_comes_as_one_message_and_a_file() {
    adapter.post(THREAD, sections(400, "Request: restart"));

    assertThat(api.posted()).hasSize(1);
    assertThat(api.all().get(0).field("blocks"))
        .contains("the whole answer is in the attached file lookout-answer.txt")
        .contains("p9.sig");
    FakeSlackApi.Uploaded file = api.uploads().get(0);
    assertThat(file.filename()).isEqualTo("lookout-answer.txt");
    assertThat(file.content()).startsWith("a long answer\n").contains("word399");
  }

  @Test
  void the_plan_for_the_shared_too_long_fixture_stays_within_limits() {
    SlackPostPlan plan = SlackPostPlan.of(MessageFixtures.tooLongAnswer(), new BlockKitRenderer());

    assertThat(plan.messages()).hasSize(2);
    plan.messages().forEach(m -> BlockKitRendererTest.assertWithinLimits(m.blocks()));
    assertThat(plan.files())
        .extracting(SlackPostPlan.SlackFile::filename)
        .containsExactly("lookout-excerpt-1.txt");
  }

  @Test
  void a_keyed_post_is_found_again_by_its_key_in_a_thread_and_in_a_channel() {
    Instant since = Instant.now().minusSeconds(60);
    ConversationRef channel = new ConversationRef("slack", "C2", null);
    MessageRef inThread = adapter.post(THREAD, MessageFixtures.approvalCard(), "outbox-7@1");
    MessageRef top = adapter.post(channel, MessageFixtures.approvalCard(), "outbox-8@1");
    adapter.post(THREAD, MessageFixtures.approvalCard());

    assertThat(adapter.find(THREAD, "outbox-7@1", since)).contains(inThread);
    assertThat(adapter.find(channel, "outbox-8@1", since)).contains(top);
    assertThat(adapter.find(THREAD, "outbox-9@1", since)).isEmpty();
    assertThat(adapter.find(THREAD, "outbox-7@1", Instant.now().plusSeconds(60))).isEmpty();
    assertThat(api.all().get(0).field("metadata"))
        .contains("\"event_type\":\"lookout_post\"")
        .contains("outbox-7@1");
  }

  private static Message sections(int n, String button) {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parts.add(new Part.Section("Part " + i, ("word" + i + " ").repeat(40).strip()));
    }
    parts.add(new Part.Actions(List.of(new Part.Button(button, "p9.sig", Part.Style.PRIMARY))));
    return new Message("a long answer", parts);
  }
}
