package lookout.adapters.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Pace;
import lookout.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox keeps the limits an adapter declares, on a real SQLite file and a clock moved by hand.
 */
class OutboxPacingTest {
  static final Duration SECOND = Duration.ofSeconds(1);
  static final ConversationRef OPS = new ConversationRef("chat", "ops", "t1");
  static final ConversationRef OPS_OTHER_THREAD = new ConversationRef("chat", "ops", "t2");
  static final ConversationRef DEV = new ConversationRef("chat", "dev", "t1");

  @TempDir Path dir;
  final TestClock clock = TestClock.at("2026-11-22T01:00:00Z");

  /** A platform that records what arrives, limited the way the test declares. */
  static final class PacedChat implements ChatAdapter {
    final List<String> arrived = new ArrayList<>();
    final Deque<ChatRetryLater> failures = new ArrayDeque<>();
    final BiFunction<ConversationRef, Message, Pace> pace;

    PacedChat(BiFunction<ConversationRef, Message, Pace> pace) {
      this.pace = pace;
    }

    @Override
    public String platform() {
      return "chat";
    }

    @Override
    public MessageRef post(ConversationRef where, Message message) {
      if (!failures.isEmpty()) {
        throw failures.poll();
      }
      arrived.add(where.channel() + " " + message.summary());
      return new MessageRef(where, "m" + arrived.size());
    }

    @Override
    public void update(MessageRef ref, Message message) {
      arrived.add(
          ref.conversation().channel() + " edit " + ref.messageId() + " " + message.summary());
    }

    @Override
    public Pace pace(Pace.Kind kind, ConversationRef where, Message message) {
      return pace.apply(where, message);
    }
  }

  private Outbox open() {
    return TestOutbox.open(dir, clock);
  }

  private static Pace perChat(ConversationRef where, int messages, Duration per) {
    return Pace.of(new Pace.Limit("chat:" + where.channel(), messages, per));
  }

  @Test
  void a_chat_gets_no_more_than_its_limit_and_the_rest_follows_in_order() {
    PacedChat chat = new PacedChat((where, m) -> perChat(where, 2, SECOND));
    Outbox outbox = open();
    ChatAdapter queued = outbox.wrap(chat);
    for (int i = 1; i <= 5; i++) {
      queued.post(OPS, Message.text("line " + i));
    }

    outbox.deliverDue();
    assertThat(chat.arrived).containsExactly("ops line 1", "ops line 2");
    assertThat(outbox.waiting("chat", "ops")).isEqualTo(3);
    clock.advance(SECOND);
    outbox.deliverDue();
    clock.advance(SECOND);
    outbox.deliverDue();

    assertThat(chat.arrived)
        .containsExactly("ops line 1", "ops line 2", "ops line 3", "ops line 4", "ops line 5");
    assertThat(outbox.waiting("chat", "ops")).isZero();
  }

  @Test
  void waiting_for_the_limit_is_not_a_failed_attempt() {
    // One a second into the channel and at most 4 attempts: six threads are all due at once, so
    // the sixth is put off five times, and still goes.
    PacedChat chat = new PacedChat((where, m) -> perChat(where, 1, SECOND));
    Outbox outbox = open();
    ChatAdapter queued = outbox.wrap(chat);
    for (int i = 1; i <= 6; i++) {
      queued.post(new ConversationRef("chat", "ops", "t" + i), Message.text("line " + i));
    }

    for (int s = 0; s < 6; s++) {
      outbox.deliverDue();
      clock.advance(SECOND);
    }

    assertThat(chat.arrived).hasSize(6).last().isEqualTo("ops line 6");
  }

  @Test
  void one_busy_chat_does_not_hold_up_another_but_the_app_limit_holds_across_chats() {
    PacedChat chat =
        new PacedChat(
            (where, m) ->
                Pace.of(
                    new Pace.Limit("chat:" + where.channel(), 1, SECOND),
                    new Pace.Limit("app", 3, SECOND)));
    Outbox outbox = open();
    ChatAdapter queued = outbox.wrap(chat);
    queued.post(OPS, Message.text("a"));
    queued.post(OPS, Message.text("b"));
    queued.post(DEV, Message.text("c"));
    queued.post(new ConversationRef("chat", "qa", null), Message.text("d"));
    queued.post(new ConversationRef("chat", "web", null), Message.text("e"));

    outbox.deliverDue();

    assertThat(chat.arrived).containsExactly("ops a", "dev c", "qa d");
    clock.advance(SECOND);
    outbox.deliverDue();
    assertThat(chat.arrived).containsExactly("ops a", "dev c", "qa d", "ops b", "web e");
  }

  @Test
  void an_edit_of_a_waiting_post_goes_after_it_and_counts_against_the_same_limit() {
    PacedChat chat = new PacedChat((where, m) -> perChat(where, 1, SECOND));
    Outbox outbox = open();
    ChatAdapter queued = outbox.wrap(chat);
    queued.post(OPS, Message.text("first"));
    MessageRef second = queued.post(OPS, Message.text("FIRING"));
    queued.update(second, Message.text("RESOLVED"));

    outbox.deliverDue();
    clock.advance(SECOND);
    outbox.deliverDue();
    clock.advance(SECOND);
    outbox.deliverDue();

    assertThat(chat.arrived).containsExactly("ops first", "ops FIRING", "ops edit m2 RESOLVED");
  }

  @Test
  void retry_after_holds_every_send_into_that_chat_not_only_the_refused_one() {
    PacedChat chat = new PacedChat((where, m) -> perChat(where, 10, SECOND));
    chat.failures.add(new ChatRetryLater("slow down", Duration.ofSeconds(5), null));
    Outbox outbox = open();
    ChatAdapter queued = outbox.wrap(chat);
    queued.post(OPS, Message.text("refused"));
    queued.post(OPS_OTHER_THREAD, Message.text("other thread"));
    queued.post(DEV, Message.text("other chat"));

    outbox.deliverDue();
    assertThat(chat.arrived).containsExactly("dev other chat");
    clock.advance(Duration.ofSeconds(4));
    outbox.deliverDue();
    assertThat(chat.arrived).containsExactly("dev other chat");
    clock.advance(SECOND);
    outbox.deliverDue();

    assertThat(chat.arrived).containsExactly("dev other chat", "ops refused", "ops other thread");
  }

  @Test
  void a_send_of_several_messages_goes_whole_when_the_window_has_room_for_all() {
    // A robot post with two charts is three messages against 4 a minute.
    PacedChat chat = new PacedChat((where, m) -> perChat(where, 4, Duration.ofMinutes(1)).times(3));
    Outbox outbox = open();
    ChatAdapter queued = outbox.wrap(chat);
    queued.post(OPS, Message.text("with two charts"));
    queued.post(OPS, Message.text("again"));

    outbox.deliverDue();
    assertThat(chat.arrived).containsExactly("ops with two charts");
    clock.advance(Duration.ofSeconds(59));
    outbox.deliverDue();
    assertThat(chat.arrived).hasSize(1);
    clock.advance(SECOND);
    outbox.deliverDue();

    assertThat(chat.arrived).containsExactly("ops with two charts", "ops again");
  }

  @Test
  void after_its_burst_a_chat_is_sent_to_at_the_average_rate_and_the_window_still_holds() {
    // 4 a minute, at most 2 back to back: one more every 15 s, and a fifth only after the minute.
    PacedChat chat =
        new PacedChat(
            (where, m) ->
                Pace.of(new Pace.Limit("chat:" + where.channel(), 4, Duration.ofMinutes(1), 2)));
    Outbox outbox = open();
    ChatAdapter queued = outbox.wrap(chat);
    for (int i = 1; i <= 5; i++) {
      queued.post(new ConversationRef("chat", "ops", "t" + i), Message.text("line " + i));
    }

    outbox.deliverDue();
    assertThat(chat.arrived).hasSize(2);
    clock.advance(Duration.ofSeconds(15));
    outbox.deliverDue();
    assertThat(chat.arrived).hasSize(3);
    clock.advance(Duration.ofSeconds(15));
    outbox.deliverDue();
    assertThat(chat.arrived).hasSize(4);
    clock.advance(Duration.ofSeconds(29));
    outbox.deliverDue();
    assertThat(chat.arrived).as("four in the minute already").hasSize(4);
    clock.advance(SECOND);
    outbox.deliverDue();
    assertThat(chat.arrived).hasSize(5);
  }
}
