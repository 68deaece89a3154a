package lookout.adapters.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.slack.FakeSlackApi;
import lookout.adapters.slack.SlackAdapter;
import lookout.testing.Eventually;
import lookout.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versioned edits through the outbox, the real Slack client and a loopback Slack: a card never
 * shows an older state after a newer one, and queued edits coalesce to the newest.
 */
class OrderedEditsTest {
  static final ConversationRef THREAD = new ConversationRef("slack", "C1", "100.000001");

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

  private static Message state(long version) {
    return Message.text("state " + version);
  }

  private List<String> updates() {
    return api.all().stream()
        .filter(c -> c.method().equals("chat.update"))
        .map(c -> c.field("text"))
        .toList();
  }

  @Test
  void edits_queued_out_of_order_send_only_the_newest_state() throws Exception {
    Outbox outbox = TestOutbox.open(dir, clock);
    ChatAdapter queued = outbox.wrap(slack);
    MessageRef card = queued.post(THREAD, state(0));

    queued.update(card, state(3), 3); // the executor's edit was queued first
    queued.update(card, state(2), 2); // the click's edit, read earlier, queued later
    outbox.deliverDue();

    assertThat(updates()).containsExactly("state 3");
  }

  @Test
  void pending_edits_of_a_card_coalesce_into_one_with_the_newest_state() throws Exception {
    Outbox outbox = TestOutbox.open(dir, clock);
    ChatAdapter queued = outbox.wrap(slack);
    MessageRef card = queued.post(THREAD, state(0));

    for (long v = 1; v <= 5; v++) {
      queued.update(card, state(v), v);
    }
    outbox.deliverDue();

    assertThat(updates()).containsExactly("state 5");
  }

  @Test
  void a_late_edit_of_an_older_state_is_not_sent_after_the_newer_one() throws Exception {
    Outbox outbox = TestOutbox.open(dir, clock);
    ChatAdapter queued = outbox.wrap(slack);
    MessageRef card = queued.post(THREAD, state(0));
    queued.update(card, state(4), 4);
    outbox.deliverDue();

    queued.update(card, state(2), 2);
    queued.update(card, state(4), 4); // the same state again: no second edit either
    outbox.deliverDue();

    assertThat(updates()).containsExactly("state 4");
  }

  @Test
  void edits_racing_from_many_threads_never_go_backwards() throws Exception {
    Outbox outbox = TestOutbox.open(dir, clock);
    ChatAdapter queued = outbox.wrap(slack);
    MessageRef card = queued.post(THREAD, state(0));
    outbox.start();
    List<Long> versions = new ArrayList<>();
    for (long v = 1; v <= 40; v++) {
      versions.add(v);
    }
    Collections.shuffle(versions, new Random(18));
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (long v : versions) {
        pool.execute(
            () -> {
              try {
                go.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              queued.update(card, state(v), v);
            });
      }
      go.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    Eventually.asserted(
        Duration.ofSeconds(20), () -> assertThat(updates()).last().isEqualTo("state 40"));
    outbox.close();

    List<Long> sent =
        updates().stream().map(t -> Long.parseLong(t.substring("state ".length()))).toList();
    assertThat(sent).as("versions the card showed, in order").isSorted().doesNotHaveDuplicates();
  }
}
