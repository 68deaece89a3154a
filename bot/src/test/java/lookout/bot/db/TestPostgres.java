package lookout.bot.db;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * PostgreSQL for the bot's tests, from LOOKOUT_TEST_POSTGRES_URL (a JDBC URL with credentials;
 * .ci/run starts one): each test gets a new schema or a new database. Without the variable the
 * tests skip locally but fail in CI (CI set), where they must run.
 */
public final class TestPostgres {
  static final String URL = System.getenv("LOOKOUT_TEST_POSTGRES_URL");

  private TestPostgres() {}

  /** A JDBC URL whose current schema is a new, empty one. */
  public static String freshSchema(String prefix) throws SQLException {
    String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    execute(url(), "CREATE SCHEMA " + schema);
    return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /**
   * A JDBC URL of a new, empty database (its {@code public} schema holds nothing), as a first
   * deployment gets; drop it with {@link #dropDatabase}.
   */
  public static String freshDatabase(String prefix) throws SQLException {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    execute(url(), "CREATE DATABASE " + name);
    return url().replaceFirst("^(jdbc:postgresql://[^/?]+/)[^?]*", "$1" + name);
  }

  /** Drops a database {@link #freshDatabase} made, closing whatever is still connected to it. */
  public static void dropDatabase(String databaseUrl) throws SQLException {
    String name = databaseUrl.replaceFirst("^jdbc:postgresql://[^/?]+/([^?]*).*$", "$1");
    execute(url(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static String url() {
    if (URL == null || URL.isBlank()) {
      if (System.getenv("CI") != null) {
        fail("CI is set but LOOKOUT_TEST_POSTGRES_URL is not: .ci/run starts PostgreSQL");
      }
      assumeTrue(false, "LOOKOUT_TEST_POSTGRES_URL not set");
    }
    return URL;
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
