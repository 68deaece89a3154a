package lookout.adapters.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.KeyedPosts;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Part;
import lookout.adapters.slack.FakeSlackApi;
import lookout.adapters.slack.SlackAdapter;
import lookout.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox against a real SQLite file and the real Slack client talking to a loopback fake. */
class OutboxTest {
  static final ConversationRef THREAD = new ConversationRef("slack", "C1", "100.000001");
  static final OutboxPolicy FAST = TestOutbox.FAST;

  @TempDir Path dir;
  FakeSlackApi api;
  SlackAdapter slack;
  final TestClock clock = TestClock.at("2026-11-22T01:00:00Z");

  @BeforeEach
  void start() throws Exception {
    api = new FakeSlackApi();
    slack = new SlackAdapter("xoxb-test", api.url());
  }

  @AfterEach
  void stop() {
    slack.close();
    api.close();
  }

  /** A fresh connection pool's view of the same file, as a restarted process would have. */
  private DataSource sqlite() {
    return TestOutbox.sqlite(dir);
  }

  private Outbox open() throws Exception {
    return new Outbox(sqlite(), clock, FAST);
  }

  private void advance(Duration d) {
    clock.advance(d);
  }

  private static Message card(String state) {
    return new Message(
        "Approval " + state,
        List.of(new Part.Actions(List.of(new Part.Button("Approve", "tok", Part.Style.PRIMARY)))));
  }

  @Test
  void a_rate_limited_post_waits_for_retry_after_then_is_posted_once() throws Exception {
    Outbox outbox = open();
    ChatAdapter queued = outbox.wrap(slack);
    api.rateLimitNext(7);

    MessageRef ref = queued.post(THREAD, card("needed"));
    outbox.deliverDue();
    assertThat(api.next(5).method()).isEqualTo("chat.postMessage");

    advance(Duration.ofSeconds(6));
    assertThat(outbox.deliverDue()).as("still inside Retry-After").isZero();
    advance(Duration.ofSeconds(1));
    assertThat(outbox.deliverDue()).isEqualTo(1);

    assertThat(api.next(5).method())
        .as("a second attempt first looks for the first one")
        .isEqualTo("conversations.replies");
    assertThat(api.next(5).field("thread_ts")).isEqualTo("100.000001");
    assertThat(ref.messageId()).startsWith("outbox:");
    assertThat(api.posted()).hasSize(1);
  }

  @Test
  void server_errors_back_off_exponentially_then_give_up() throws Exception {
    Outbox outbox = open();
    ChatAdapter queued = outbox.wrap(slack);
    for (int i = 0; i < 4; i++) {
      api.failNext(500);
    }
    queued.post(THREAD, card("needed"));

    outbox.deliverDue(); // try 1, then wait 2 s
    advance(Duration.ofSeconds(2));
    outbox.deliverDue(); // try 2, then wait 4 s
    advance(Duration.ofSeconds(3));
    assertThat(outbox.deliverDue()).isZero();
    advance(Duration.ofSeconds(1));
    outbox.deliverDue(); // try 3, then wait 8 s
    advance(Duration.ofSeconds(8));
    outbox.deliverDue(); // try 4: FAILED
    advance(Duration.ofMinutes(10));

    assertThat(outbox.deliverDue()).isZero();
    assertThat(api.all()).hasSize(4);
  }

  @Test
  void an_update_of_a_queued_post_edits_the_message_the_post_became() throws Exception {
    Outbox outbox = open();
    ChatAdapter queued = outbox.wrap(slack);

    MessageRef ref = queued.post(THREAD, card("needed"));
    queued.update(ref, card("approved"));
    outbox.deliverDue();

    String ts = api.next(5).method().equals("chat.postMessage") ? null : "";
    assertThat(ts).isNull();
    FakeSlackApi.Call update = api.next(5);
    assertThat(update.method()).isEqualTo("chat.update");
    assertThat(update.field("ts")).matches("\\d+\\.\\d{6}");
    assertThat(update.field("text")).isEqualTo("Approval approved");
  }

  @Test
  void messages_stored_before_a_crash_are_sent_once_after_the_restart() throws Exception {
    Outbox before = open();
    ChatAdapter queued = before.wrap(slack);
    MessageRef ref = queued.post(THREAD, card("needed"));
    queued.update(ref, card("approved"));
    before.close(); // the process dies before the worker ran

    Outbox after = open();
    after.wrap(slack);
    after.start();
    api.next("chat.postMessage", 5);
    api.next("chat.update", 5);
    after.close();

    Outbox again = open();
    again.wrap(slack);
    assertThat(again.deliverDue()).isZero();
    assertThat(api.all())
        .extracting(FakeSlackApi.Call::method)
        .containsExactly("chat.postMessage", "chat.update");
  }

  @Test
  void a_claim_left_by_a_dead_worker_is_taken_over_after_its_lease() throws Exception {
    Outbox dead = open();
    dead.wrap(slack).post(THREAD, card("needed"));
    OutboxStore store = new OutboxStore(sqlite(), clock, FAST.lease());
    assertThat(store.claim()).isPresent(); // claimed, then the worker died mid-send

    Outbox next = open();
    next.wrap(slack);
    assertThat(next.deliverDue()).isZero();
    advance(FAST.lease().plusSeconds(1));
    assertThat(next.deliverDue()).isEqualTo(1);
    assertThat(api.posted()).hasSize(1);
  }

  /** The process "dies" right after Slack accepted the post, before the row is marked SENT. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }

  record CrashAfterPost(SlackAdapter slack) implements ChatAdapter, KeyedPosts {
    public String platform() {
      return slack.platform();
    }

    public MessageRef post(ConversationRef where, Message message) {
      throw new AssertionError("a keyed adapter is posted to with its key");
    }

    public MessageRef post(ConversationRef where, Message message, String key) {
      slack.post(where, message, key);
      throw new Crash();
    }

    public Optional<MessageRef> find(ConversationRef where, String key, Instant since) {
      return slack.find(where, key, since);
    }

    public void update(MessageRef ref, Message message) {
      slack.update(ref, message);
    }
  }

  @Test
  void a_post_slack_accepted_just_before_a_crash_is_adopted_not_repeated() throws Exception {
    Outbox dying = open();
    ChatAdapter queued = dying.wrap(new CrashAfterPost(slack));
    MessageRef ref = queued.post(THREAD, card("needed"));
    assertThatThrownBy(dying::deliverDue).isInstanceOf(Crash.class);
    String firstTs = api.posted().get(0).ts();

    Outbox restarted = open();
    ChatAdapter again = restarted.wrap(slack);
    again.update(ref, card("approved"));
    assertThat(restarted.deliverDue()).as("the dead worker's lease still holds").isZero();
    advance(FAST.lease().plusSeconds(1));
    restarted.deliverDue();

    assertThat(api.posted()).as("Slack has the answer once").hasSize(1);
    assertThat(api.all())
        .extracting(FakeSlackApi.Call::method)
        .containsExactly("chat.postMessage", "conversations.replies", "chat.update");
    assertThat(api.all().get(2).field("ts")).isEqualTo(firstTs);
  }

  @Test
  void a_crashed_channel_post_is_found_in_the_channel_history() throws Exception {
    ConversationRef channel = new ConversationRef("slack", "C7", null);
    Outbox dying = open();
    dying.wrap(new CrashAfterPost(slack)).post(channel, card("alert"));
    assertThatThrownBy(dying::deliverDue).isInstanceOf(Crash.class);

    Outbox restarted = open();
    restarted.wrap(slack);
    advance(FAST.lease().plusSeconds(1));
    assertThat(restarted.deliverDue()).isEqualTo(1);

    assertThat(api.posted()).hasSize(1);
    assertThat(api.all())
        .extracting(FakeSlackApi.Call::method)
        .containsExactly("chat.postMessage", "conversations.history");
  }

  @Test
  void when_the_first_post_never_arrived_the_retry_posts_it() throws Exception {
    Outbox outbox = open();
    outbox.wrap(slack).post(THREAD, card("needed"));
    api.failNext(503);
    outbox.deliverDue();
    advance(Duration.ofSeconds(3));
    outbox.deliverDue();

    assertThat(api.all())
        .extracting(FakeSlackApi.Call::method)
        .containsExactly("chat.postMessage", "conversations.replies", "chat.postMessage");
    assertThat(api.posted()).hasSize(1);
  }

  @Test
  void a_refusal_fails_the_row_and_its_updates() throws Exception {
    Outbox outbox = open();
    ChatAdapter queued = outbox.wrap(slack);
    api.refuseNext("channel_not_found");

    MessageRef ref = queued.post(THREAD, card("needed"));
    queued.update(ref, card("approved"));
    outbox.deliverDue();
    advance(Duration.ofMinutes(1));
    outbox.deliverDue();

    assertThat(api.all()).extracting(FakeSlackApi.Call::method).containsExactly("chat.postMessage");
  }

  @Test
  void the_message_survives_the_database_unchanged() {
    Message m =
        new Message(
            "s",
            List.of(
                new Part.Section(null, "t"),
                new Part.Section("h", "t2"),
                new Part.Facts(List.of(new Part.Fact("a", "b"))),
                new Part.Code("x\ny"),
                new Part.Note("n"),
                new Part.Actions(List.of(new Part.Button("l", "k", Part.Style.DANGER)))));

    assertThat(MessageJson.read(MessageJson.write(m))).isEqualTo(m);
  }
}
