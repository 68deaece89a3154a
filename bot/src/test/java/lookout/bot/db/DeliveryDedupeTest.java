package lookout.bot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryDedupeTest {
  @TempDir Path dir;

  @Test
  void a_burst_of_deliveries_with_duplicates_lets_each_event_through_once() throws Exception {
    try (Database db = Database.open(null, dir)) {
      DeliveryDedupe dedupe = new DeliveryDedupe(db.dataSource(), Clock.systemUTC());
      AtomicInteger firsts = new AtomicInteger();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> deliveries = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String event = "Ev" + (i % 100); // every event delivered four times
        deliveries.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        go.await();
                        if (dedupe.firstTime("slack", event)) {
                          firsts.incrementAndGet();
                        }
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
      }
      go.countDown();
      for (Thread t : deliveries) {
        t.join();
      }

      assertThat(firsts).hasValue(100);
      assertThat(dedupe.firstTime("slack", "Ev7")).isFalse();
      assertThat(dedupe.firstTime("feishu", "Ev7")).isTrue();
    }
  }

  @Test
  void a_database_failure_is_reported_to_the_caller() throws Exception {
    Database db = Database.open(null, dir);
    DeliveryDedupe dedupe = new DeliveryDedupe(db.dataSource(), Clock.systemUTC());
    try (var c = db.dataSource().getConnection();
        var s = c.createStatement()) {
      s.execute("DROP TABLE processed_events");
    }
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dedupe.firstTime("slack", "Ev1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("slack:Ev1");
    } finally {
      db.close();
    }
  }

  @Test
  void claims_return_at_once_and_start_each_event_once_when_the_database_says_new()
      throws Exception {
    try (Database db = Database.open(null, dir)) {
      DeliveryDedupe dedupe = new DeliveryDedupe(db.dataSource(), Clock.systemUTC());
      List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int i = 0; i < 400; i++) {
        String event = "Ev" + (i % 100);
        dedupe.claim("slack", event, () -> started.add(event));
      }
      // The writer takes the queue in order: once this verdict is in, so are all the claims'.
      assertThat(dedupe.firstTime("slack", "Ev0")).isFalse();

      assertThat(started).hasSize(100).doesNotHaveDuplicates();
      dedupe.close();
    }
  }

  @Test
  void
      a_claim_already_acknowledged_is_handled_anyway_when_the_write_fails_and_later_ones_are_refused()
          throws Exception {
    Database db = Database.open(null, dir);
    DeliveryDedupe dedupe = new DeliveryDedupe(db.dataSource(), Clock.systemUTC());
    try (var c = db.dataSource().getConnection();
        var s = c.createStatement()) {
      s.execute("DROP TABLE processed_events");
    }
    try {
      CountDownLatch handled = new CountDownLatch(1);
      dedupe.claim("slack", "Ev1", handled::countDown);
      assertThat(handled.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

      assertThat(dedupe.tryClaim("slack", "Ev2", () -> {}))
          .as("never waits: declines while the database fails")
          .isFalse();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> dedupe.claim("slack", "Ev2", () -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("slack:Ev2");
    } finally {
      dedupe.close();
      db.close();
    }
  }
}
