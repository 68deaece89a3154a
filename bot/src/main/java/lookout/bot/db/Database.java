package lookout.bot.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import lookout.approvals.ApprovalStoreException;
import lookout.approvals.ApprovalsSchema;
import lookout.approvals.Migrations;
import lookout.approvals.Migrations.Migration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the database and brings its schema up to date at start (numbered migrations, safe when
 * several replicas start at once). SQLite (the default) runs in WAL mode with a busy timeout so
 * concurrent virtual threads wait for the write lock instead of failing; PostgreSQL goes through a
 * small HikariCP pool.
 */
public final class Database implements AutoCloseable {
  /** PostgreSQL pool size: enough for the bot's virtual threads, small for the server. */
  static final int POOL_SIZE = 10;

  private final DataSource dataSource;
  private final String description;
  private final boolean shared;

  private Database(DataSource dataSource, String description, boolean shared) {
    this.dataSource = dataSource;
    this.description = description;
    this.shared = shared;
  }

  /**
   * @param url a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL, or null for {@code
   *     lookout.db} under {@code dataDir}
   */
  public static Database open(
      String url, Optional<String> user, Optional<String> password, Path dataDir)
      throws IOException, SQLException {
    Database db =
        url != null && url.startsWith("jdbc:postgresql:")
            ? postgres(url, user, password)
            : sqlite(url, dataDir);
    try {
      db.migrate();
      return db;
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** SQLite (kept for callers that name only a URL). */
  public static Database open(String url, Path dataDir) throws IOException, SQLException {
    return open(url, Optional.empty(), Optional.empty(), dataDir);
  }

  private static Database sqlite(String url, Path dataDir) throws IOException {
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
    return new Database(ds, jdbcUrl, false);
  }

  private static Database postgres(String url, Optional<String> user, Optional<String> password)
      throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    user.ifPresent(config::setUsername);
    password.ifPresent(config::setPassword);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setPoolName("lookout-db");
    config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    // Fail at start, with the driver's reason, rather than at the first click; one attempt, since
    // a supervisor (systemd, Kubernetes) restarts the process anyway.
    config.setInitializationFailTimeout(1);
    try {
      return new Database(new HikariDataSource(config), redact(url), true);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new SQLException("cannot connect to " + redact(url) + ": " + cause.getMessage(), e);
    }
  }

  /** The URL without a password, for logs. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public String description() {
    return description;
  }

  /**
   * True for PostgreSQL: other replicas may use the same database at the same time (so crash
   * recovery must leave their running requests alone).
   */
  public boolean shared() {
    return shared;
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
    try {
      ApprovalsSchema.apply(dataSource);
      Migrations.apply(
          dataSource,
          List.of(
              new Migration(
                  "bot-1-processed-events",
                  List.of(
                      "CREATE TABLE IF NOT EXISTS processed_events ("
                          + "event_key TEXT PRIMARY KEY, seen_at BIGINT NOT NULL)"))));
    } catch (ApprovalStoreException e) {
      throw new SQLException(e.getMessage() + " (" + description + ")", e);
    }
  }

  @Override
  public void close() {
    if (dataSource instanceof HikariDataSource pool) {
      pool.close();
    }
  }
}
