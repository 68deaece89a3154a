package lookout.adapters.outbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** An outbox on a real SQLite file for adapter tests (shared with bot's tests via the test-jar). */
public final class TestOutbox {
  /** Short backoffs and polls, four attempts: retries happen within a test's clock moves. */
  public static final OutboxPolicy FAST =
      new OutboxPolicy(
          Duration.ofSeconds(30),
          Duration.ofSeconds(2),
          Duration.ofSeconds(60),
          4,
          Duration.ofMillis(50),
          Duration.ofDays(1));

  private TestOutbox() {}

  /**
   * A fresh connection pool's view of {@code dir}'s database, as a restarted process would have.
   */
  public static DataSource sqlite(Path dir) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(10_000);
    // Commits survive a crashed process (what the tests simulate), not a power cut: no fsync each.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + dir.resolve("lookout.db"));
    OutboxSchema.migrate(ds);
    return ds;
  }

  public static Outbox open(Path dir, Clock clock) {
    return new Outbox(sqlite(dir), clock, FAST);
  }
}
