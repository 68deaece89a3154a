package lookout.adapters.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The {@code outbox} table as Flyway migrations under {@code db/migration/outbox/sqlite} and {@code
 * …/postgresql} (the id column is the one thing the two write differently); their history is the
 * table {@code outbox_schema_history}.
 *
 * <p>Lookout runs this at every start from its database code, before any {@link Outbox} opens;
 * tests call it directly. Several processes may run it at once: the history is created with its
 * baseline row in one transaction, and Flyway applies each pending migration under a lock on that
 * history.
 */
public final class OutboxSchema {
  static final String HISTORY = "outbox_schema_history";

  private OutboxSchema() {}

  /** Brings the outbox table of {@code db} up to date; a no-op when it is. */
  public static MigrateResult migrate(DataSource db) {
    try (Connection c = db.getConnection()) {
      Flyway flyway =
          Flyway.configure(OutboxSchema.class.getClassLoader())
              .dataSource(db)
              .loggers("slf4j")
              .locations("classpath:db/migration/outbox/" + vendor(c))
              .table(HISTORY)
              .baselineVersion("0")
              .load();
      if (!hasTable(c, HISTORY)) {
        flyway.baseline();
      }
      return flyway.migrate();
    } catch (FlywayException | SQLException e) {
      throw new IllegalStateException("while migrating the outbox table: " + e.getMessage(), e);
    }
  }

  /** The folder of {@code c}'s SQL dialect: {@code sqlite} or {@code postgresql}. */
  private static String vendor(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (!product.equals("sqlite") && !product.equals("postgresql")) {
      throw new SQLException("the outbox table exists for SQLite and PostgreSQL, not " + product);
    }
    return product;
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
}
