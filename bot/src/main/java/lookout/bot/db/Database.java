package lookout.bot.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import lookout.approvals.ApprovalsSchema;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the database and brings its schema up to date at start. SQLite runs in WAL mode with a busy
 * timeout so concurrent virtual threads wait for the write lock instead of failing.
 */
public final class Database {
  private final DataSource dataSource;
  private final String description;

  private Database(DataSource dataSource, String description) {
    this.dataSource = dataSource;
    this.description = description;
  }

  /**
   * @param url a {@code jdbc:sqlite:} URL, or null for {@code lookout.db} under {@code dataDir}
   */
  public static Database open(String url, Path dataDir) throws IOException, SQLException {
    String jdbcUrl = url;
    if (jdbcUrl == null) {
      Files.createDirectories(dataDir);
      jdbcUrl = "jdbc:sqlite:" + dataDir.resolve("lookout.db");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(10_000);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(jdbcUrl);
    Database db = new Database(ds, jdbcUrl);
    db.migrate();
    return db;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public String description() {
    return description;
  }

  /** True when a trivial query succeeds (readiness). */
  public boolean ping() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      return s.executeQuery("SELECT 1").next();
    } catch (SQLException e) {
      return false;
    }
  }

  private void migrate() throws SQLException {
    ApprovalsSchema.apply(dataSource);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS processed_events ("
              + "event_key TEXT PRIMARY KEY, seen_at BIGINT NOT NULL)");
    }
  }
}
