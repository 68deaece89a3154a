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
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the database and brings every owner's tables up to date at start ({@link Migrations}:
 * versioned Flyway migrations, safe when several replicas start at once). SQLite (the default) runs
 * in WAL mode with a busy timeout so concurrent virtual threads wait for the write lock instead of
 * failing; PostgreSQL goes through a small HikariCP pool.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** PostgreSQL pool size: enough for the bot's virtual threads, small for the server. */
  static final int POOL_SIZE = 10;

  /** How long a start waits out other processes migrating the same SQLite file. */
  private static final Duration BUSY_PATIENCE = Duration.ofSeconds(60);

  private final DataSource dataSource;
  private final DataSource migrations;
  private final String description;
  private final boolean shared;

  /**
   * @param migrations what the migrations run through: for SQLite, connections that begin every
   *     transaction IMMEDIATE, so Flyway re-reads its history holding the single write lock and a
   *     second process waits instead of applying the same migration
   */
  private Database(
      DataSource dataSource, DataSource migrations, String description, boolean shared) {
    this.dataSource = dataSource;
    this.migrations = migrations;
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
    return new Database(
        sqliteSource(jdbcUrl, SQLiteConfig.TransactionMode.DEFERRED),
        sqliteSource(jdbcUrl, SQLiteConfig.TransactionMode.IMMEDIATE),
        jdbcUrl,
        false);
  }

  private static SQLiteDataSource sqliteSource(String url, SQLiteConfig.TransactionMode mode) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(10_000);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setTransactionMode(mode);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(url);
    return ds;
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
      HikariDataSource pool = new HikariDataSource(config);
      return new Database(pool, pool, redact(url), true);
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
    long deadline = System.nanoTime() + BUSY_PATIENCE.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        log.info("database schema: {}", Migrations.migrate(migrations));
        return;
      } catch (RuntimeException e) {
        if (!busy(e) || System.nanoTime() > deadline) {
          throw new SQLException(e.getMessage() + " (" + description + ")", e);
        }
        // SQLite's busy handler is not fair and is skipped outright in some cases (a lock
        // upgrade, WAL recovery while several processes create one file): start again once the
        // other writer is done. Flyway's history makes the retry apply only what is still due.
        log.info("database busy while migrating (attempt {}), trying again", attempt);
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(50, 250L * Math.min(attempt, 8)));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted while migrating (" + description + ")", e);
        }
      }
    }
  }

  /** True when {@code e} or one of its causes is SQLite's "database is locked". */
  private static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("SQLITE_BUSY")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    if (dataSource instanceof HikariDataSource pool) {
      pool.close();
    }
  }
}
