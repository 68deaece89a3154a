package lookout.knowledge.incidents;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The incident tables ({@code incidents}, {@code incident_labels}, {@code incident_timeline}) as
 * Flyway migrations under {@code db/migration/incidents/common}, SQL that SQLite and PostgreSQL
 * both run; their history is the table {@code incidents_schema_history}.
 *
 * <p>Lookout runs this at every start from its database code; tests call it directly. Several
 * processes may run it at once: the history is created with its baseline row in one transaction,
 * and Flyway applies each pending migration under a lock on that history.
 */
public final class IncidentSchema {
  static final String HISTORY = "incidents_schema_history";

  private IncidentSchema() {}

  /** Brings the incident tables of {@code dataSource} up to date; a no-op when they are. */
  public static MigrateResult migrate(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      Flyway flyway =
          Flyway.configure(IncidentSchema.class.getClassLoader())
              .dataSource(dataSource)
              .loggers("slf4j")
              .locations("classpath:db/migration/incidents/common")
              .table(HISTORY)
              .baselineVersion("0")
              .load();
      if (!hasTable(c, HISTORY)) {
        flyway.baseline();
      }
      return flyway.migrate();
    } catch (FlywayException | SQLException e) {
      throw new IllegalStateException("while migrating the incident tables: " + e.getMessage(), e);
    }
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
