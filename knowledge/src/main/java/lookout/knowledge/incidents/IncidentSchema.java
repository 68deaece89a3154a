package lookout.knowledge.incidents;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the incident tables. Plain SQL that SQLite and PostgreSQL both accept; times are epoch
 * milliseconds so no dialect's timestamp type is needed. Labels and timeline lines are child rows,
 * so no JSON support is required either.
 */
public final class IncidentSchema {
  static final List<String> STATEMENTS =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS incidents (
            id VARCHAR(128) PRIMARY KEY,
            title TEXT NOT NULL,
            alert_name TEXT NOT NULL,
            started_at BIGINT NOT NULL,
            resolved_at BIGINT,
            analysis TEXT NOT NULL,
            resolution TEXT NOT NULL,
            resolved_by TEXT NOT NULL,
            thread_link TEXT NOT NULL)""",
          """
          CREATE TABLE IF NOT EXISTS incident_labels (
            incident_id VARCHAR(128) NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            name VARCHAR(255) NOT NULL,
            label_value TEXT NOT NULL,
            PRIMARY KEY (incident_id, name))""",
          """
          CREATE TABLE IF NOT EXISTS incident_timeline (
            incident_id VARCHAR(128) NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            line TEXT NOT NULL,
            PRIMARY KEY (incident_id, seq))""",
          "CREATE INDEX IF NOT EXISTS incidents_started ON incidents(started_at)");

  private IncidentSchema() {}

  /** Creates missing tables and indexes; safe to call at every start. */
  public static void apply(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : STATEMENTS) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("while creating the incident tables: " + e.getMessage(), e);
    }
  }
}
