package lookout.approvals;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL for tests, from LOOKOUT_TEST_POSTGRES_URL (a JDBC URL with credentials, e.g.
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres; .ci/run starts one). Without it the
 * tests skip locally, but fail in CI (CI set): there they must run.
 */
final class PostgresDatabases {
  static final String URL = System.getenv("LOOKOUT_TEST_POSTGRES_URL");

  private PostgresDatabases() {}

  /** Skips (locally) or fails (in CI) when no PostgreSQL is configured. */
  static void require() {
    if (URL != null && !URL.isBlank()) {
      return;
    }
    if (System.getenv("CI") != null) {
      fail("CI is set but LOOKOUT_TEST_POSTGRES_URL is not: .ci/run starts PostgreSQL for these");
    }
    assumeTrue(false, "LOOKOUT_TEST_POSTGRES_URL not set");
  }

  /** A new, empty schema; each call of the supplier is a new DataSource on it. */
  static Supplier<DataSource> freshSchema() {
    require();
    String schema = "approvals_test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection conn = dataSource(null).getConnection();
        Statement st = conn.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("while creating schema " + schema + " on " + URL, e);
    }
    return () -> dataSource(schema);
  }

  private static PGSimpleDataSource dataSource(String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(URL);
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    return ds;
  }
}
