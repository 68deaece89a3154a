package lookout.bot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot's database on SQLite and, when LOOKOUT_TEST_POSTGRES_URL is set (always in CI), on
 * PostgreSQL: migrations at start, by several replicas at once, and delivery dedupe.
 */
class DatabaseTest {
  @TempDir Path dir;

  @Test
  void sqlite_is_created_in_the_data_dir_and_migrated() throws Exception {
    try (Database db = Database.open(null, dir)) {
      assertThat(db.ping()).isTrue();
      assertThat(db.shared()).isFalse();
      assertThat(new DeliveryDedupe(db.dataSource(), Clock.systemUTC()).firstTime("c", "1"))
          .isTrue();
    }
    assertThat(dir.resolve("lookout.db")).exists();
  }

  @Test
  void two_replicas_start_at_once_on_one_postgres_database() throws Exception {
    String url = TestPostgres.freshSchema("bot_test");
    Database[] dbs = new Database[2];
    Thread[] starts = new Thread[2];
    Exception[] failures = new Exception[2];
    for (int i = 0; i < 2; i++) {
      int n = i;
      starts[i] =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      dbs[n] = Database.open(url, Optional.empty(), Optional.empty(), dir);
                    } catch (Exception e) {
                      failures[n] = e;
                    }
                  });
    }
    for (Thread t : starts) {
      t.join();
    }
    try {
      assertThat(failures).containsOnlyNulls();
      assertThat(dbs[0].shared()).isTrue();
      assertThat(dbs[0].description()).doesNotContain("password=");
      DeliveryDedupe first = new DeliveryDedupe(dbs[0].dataSource(), Clock.systemUTC());
      DeliveryDedupe second = new DeliveryDedupe(dbs[1].dataSource(), Clock.systemUTC());
      assertThat(first.firstTime("slack", "Ev1")).isTrue();
      assertThat(second.firstTime("slack", "Ev1")).isFalse();
    } finally {
      for (Database db : dbs) {
        if (db != null) {
          db.close();
        }
      }
    }
  }

  @Test
  void an_unreachable_postgres_is_named_without_its_password() {
    assertThatThrownBy(
            () ->
                Database.open(
                    "jdbc:postgresql://127.0.0.1:1/lookout?password=s3cret&connectTimeout=1",
                    Optional.empty(),
                    Optional.empty(),
                    dir))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/lookout")
        .hasMessageNotContaining("s3cret");
  }
}
