package lookout.bot.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import lookout.bot.db.Database;
import lookout.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two replicas competing for the timer lease on one (SQLite) database, on a hand-driven clock. */
class LeaderLeaseTest {
  @TempDir Path dir;
  Database db;
  final TestClock clock = TestClock.at("2026-01-01T00:00:00Z");

  @BeforeEach
  void open() throws Exception {
    db = Database.open(null, dir);
  }

  @AfterEach
  void close() {
    db.close();
  }

  LeaderLease replica(String name) {
    return new LeaderLease(db.dataSource(), "timers", name, Duration.ofSeconds(15), clock);
  }

  @Test
  void the_first_replica_leads_and_the_second_waits() throws Exception {
    LeaderLease a = replica("a");
    LeaderLease b = replica("b");

    assertThat(a.tryAcquire()).isTrue();
    assertThat(b.tryAcquire()).isFalse();
    assertThat(a.tryAcquire()).as("renewal").isTrue();
    assertThat(a.holderNow()).hasValue("a");
  }

  @Test
  void a_silent_leader_loses_the_lease_once_it_expires() throws Exception {
    LeaderLease a = replica("a");
    LeaderLease b = replica("b");
    a.tryAcquire();

    clock.advance(Duration.ofSeconds(14));
    assertThat(b.tryAcquire()).isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(b.tryAcquire()).isTrue();
    assertThat(a.tryAcquire()).as("the old leader cannot renew").isFalse();
    assertThat(a.holderNow()).hasValue("b");
  }

  @Test
  void a_released_lease_is_taken_at_once() throws Exception {
    LeaderLease a = replica("a");
    LeaderLease b = replica("b");
    a.tryAcquire();

    a.release();

    assertThat(b.tryAcquire()).isTrue();
  }

  @Test
  void of_many_replicas_racing_for_a_free_lease_exactly_one_wins() throws Exception {
    DataSource ds = db.dataSource();
    List<LeaderLease> replicas = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      replicas.add(new LeaderLease(ds, "timers", "r" + i, Duration.ofSeconds(15), clock));
    }
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (LeaderLease r : replicas) {
        Callable<Boolean> race =
            () -> {
              go.await();
              return r.tryAcquire();
            };
        results.add(pool.submit(race));
      }
      go.countDown();
      int winners = 0;
      for (Future<Boolean> f : results) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    }
  }
}
