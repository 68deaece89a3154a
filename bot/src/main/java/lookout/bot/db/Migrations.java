package lookout.bot.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import lookout.adapters.outbox.OutboxSchema;
import lookout.approvals.ApprovalsSchema;
import lookout.knowledge.incidents.IncidentSchema;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Every owner's tables brought up to date at start, each from its own Flyway migrations and history
 * table: the modules' (approvals, incidents, outbox) through their own schema classes, and the
 * bot's jobs' from {@code db/migration/<owner>/common} in this module with the history {@code
 * <owner>_schema_history}. An owner's migrations run under Flyway's lock on its history, so
 * replicas starting together apply each one once and all start.
 */
final class Migrations {
  /** The bot's jobs that own tables, each with its own migrations folder and history. */
  static final List<String> BOT_OWNERS = List.of("dedupe", "leases", "alerts", "inspect", "wecom");

  private Migrations() {}

  /**
   * Migrates every owner, in a fixed order (no owner's tables refer to another's).
   *
   * @return one line for the log: each owner's version and how many migrations ran
   */
  static String migrate(DataSource db) {
    List<Owner> owners = new ArrayList<>();
    owners.add(new Owner("approvals", ApprovalsSchema::migrate));
    owners.add(new Owner("incidents", IncidentSchema::migrate));
    owners.add(new Owner("outbox", OutboxSchema::migrate));
    for (String name : BOT_OWNERS) {
      owners.add(new Owner(name, ds -> migrateOwn(ds, name)));
    }
    long start = System.nanoTime();
    List<String> versions = new ArrayList<>();
    int applied = 0;
    for (Owner owner : owners) {
      MigrateResult result = owner.migrate().apply(db);
      applied += result.migrationsExecuted;
      versions.add(owner.name() + " v" + version(result));
    }
    return String.join(", ", versions)
        + " ("
        + applied
        + " applied in "
        + (System.nanoTime() - start) / 1_000_000
        + " ms)";
  }

  /** One of the bot's owners: {@code db/migration/<name>/common}, history {@code <name>_…}. */
  static MigrateResult migrateOwn(DataSource db, String name) {
    String history = name + "_schema_history";
    try (Connection c = db.getConnection()) {
      Flyway flyway =
          Flyway.configure(Migrations.class.getClassLoader())
              .dataSource(db)
              .loggers("slf4j")
              .locations("classpath:db/migration/" + name + "/common")
              .table(history)
              .baselineVersion("0")
              .load();
      if (!hasTable(c, history)) {
        flyway.baseline();
      }
      return flyway.migrate();
    } catch (SQLException | RuntimeException e) {
      throw new IllegalStateException(
          "while migrating the " + name + " tables: " + e.getMessage(), e);
    }
  }

  private static String version(MigrateResult result) {
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
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

  private record Owner(String name, Function<DataSource, MigrateResult> migrate) {}
}
