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
}
