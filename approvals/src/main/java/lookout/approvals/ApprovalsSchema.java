package lookout.approvals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The approvals tables ({@code approval_requests}, {@code approval_audit}, {@code
 * approval_breakers}) as Flyway migrations under {@code db/migration/approvals}: {@code common/}
 * for SQL that SQLite and PostgreSQL both run (types are the portable subset: TEXT, BIGINT,
 * INTEGER, times as epoch millis), {@code sqlite/} and {@code postgresql/} for the audit sequence
 * column and the append-only triggers, the two places they differ. Their history is the table
 * {@code approvals_schema_history}.
 *
 * <p>Lookout runs this at every start from its database code; tests call it directly. Several
 * processes may run it at once: the history is created with its baseline row in one transaction,
 * and Flyway applies each pending migration under a lock on that history (a PostgreSQL advisory
 * lock; on SQLite the single writer, when the DataSource begins transactions IMMEDIATE).
 *
 * <p>A database made before these migrations existed is taken over where it stands: the old
 * runner's {@code schema_migrations} rows say which versions it already holds, and only the rest
 * run.
 *
 * <p>SQLite needs {@code busy_timeout} (e.g. 5000 ms) on every connection, or a second writer fails
 * with SQLITE_BUSY instead of waiting; WAL journal mode is recommended so readers never block
 * writers.
 */
public final class ApprovalsSchema {
  static final String HISTORY = "approvals_schema_history";

  private ApprovalsSchema() {}

  /** Brings the approvals tables of {@code db} up to date; a no-op when they are. */
  public static MigrateResult migrate(DataSource db) {
    try (Connection c = db.getConnection()) {
      boolean started = hasTable(c, HISTORY);
      Flyway flyway =
          Flyway.configure(ApprovalsSchema.class.getClassLoader())
              .dataSource(db)
              .loggers("slf4j")
              .locations(
                  "classpath:db/migration/approvals/common",
                  "classpath:db/migration/approvals/" + vendor(c))
              .table(HISTORY)
              .baselineVersion(started ? "0" : takenOverAt(c))
              .baselineDescription("approvals tables as the database had them")
              .load();
      if (!started) {
        flyway.baseline();
      }
      return flyway.migrate();
    } catch (FlywayException | SQLException e) {
      throw new ApprovalStoreException(
          "while migrating the approvals tables: " + e.getMessage(), e);
    }
  }

  /** The folder of {@code c}'s SQL dialect: {@code sqlite} or {@code postgresql}. */
  private static String vendor(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (!product.equals("sqlite") && !product.equals("postgresql")) {
      throw new SQLException("approvals tables exist for SQLite and PostgreSQL, not " + product);
    }
    return product;
  }

  /**
   * The version a database without approvals history already holds: what the numbered migrations of
   * Lookout's earlier runner recorded in {@code schema_migrations}, else 0 (an empty database, or
   * one from before that table, whose first tables the IF NOT EXISTS of V1 keeps).
   */
  private static String takenOverAt(Connection c) throws SQLException {
    if (!hasTable(c, "schema_migrations")) {
      return "0";
    }
    if (recorded(c, "approvals-2-quorum-dryrun-audit-breaker")) {
      return "2.1";
    }
    return recorded(c, "approvals-1-base") ? "1.1" : "0";
  }

  /** True when {@code name} is a table of the connection's current schema. */
  private static boolean hasTable(Connection c, String name) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), name, null)) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equals(name)) { // the pattern's _ matches any character
          return true;
        }
      }
      return false;
    }
  }

  private static boolean recorded(Connection c, String id) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("SELECT 1 FROM schema_migrations WHERE id = ?")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }
}
