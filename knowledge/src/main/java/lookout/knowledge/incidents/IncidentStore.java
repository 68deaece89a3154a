package lookout.knowledge.incidents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Incidents in a relational database: the source of truth the search index is rebuilt from.
 * Thread-safe as far as the {@link DataSource} is; each call uses its own connection.
 */
public final class IncidentStore {
  private static final String COLUMNS =
      "id, title, alert_name, started_at, resolved_at, analysis, resolution, resolved_by,"
          + " thread_link";

  private final DataSource dataSource;

  /** A store over {@code dataSource}; call {@link IncidentSchema#migrate} first. */
  public IncidentStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Inserts the incident or replaces the one with the same id, in one transaction. Two writers of
   * the same id at once (replicas starting together and seeding the same samples, or resolving the
   * same alert) can both find nothing to delete and both insert: the loser retries once, and its
   * delete then replaces the winner's row.
   */
  public void save(Incident incident) {
    try {
      replace(incident);
    } catch (IllegalStateException e) {
      if (!uniqueViolation(e)) {
        throw e;
      }
      replace(incident);
    }
  }

  /** PostgreSQL's unique_violation (23505) or SQLite's constraint error (19). */
  private static boolean uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql
          && ("23505".equals(sql.getSQLState()) || sql.getErrorCode() == 19)) {
        return true;
      }
    }
    return false;
  }

  private void replace(Incident incident) {
    inTransaction(
        "saving incident " + incident.id(),
        c -> {
          deleteRows(c, incident.id());
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO incidents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, incident.id());
            s.setString(2, incident.title());
            s.setString(3, incident.alertName());
            s.setLong(4, incident.startedAt().toEpochMilli());
            s.setObject(5, incident.resolved().map(Instant::toEpochMilli).orElse(null));
            s.setString(6, incident.analysis());
            s.setString(7, incident.resolution());
            s.setString(8, incident.resolvedBy());
            s.setString(9, incident.threadLink());
            s.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO incident_labels (incident_id, name, label_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> label : incident.labels().entrySet()) {
              s.setString(1, incident.id());
              s.setString(2, label.getKey());
              s.setString(3, label.getValue());
              s.addBatch();
            }
            s.executeBatch();
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO incident_timeline (incident_id, seq, line) VALUES (?, ?, ?)")) {
            for (int i = 0; i < incident.timeline().size(); i++) {
              s.setString(1, incident.id());
              s.setInt(2, i);
              s.setString(3, incident.timeline().get(i));
              s.addBatch();
            }
            s.executeBatch();
          }
          return null;
        });
  }

  /** Deletes the incident; true if it existed. */
  public boolean delete(String id) {
    return inTransaction("deleting incident " + id, c -> deleteRows(c, id) > 0);
  }

  /** The incident with this id. */
  public Optional<Incident> find(String id) {
    List<Incident> found = query("WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every incident, oldest first. */
  public List<Incident> all() {
    return query("");
  }

  private List<Incident> query(String where, String... args) {
    return inTransaction(
        "reading incidents",
        c -> {
          Map<String, String[]> rows = new LinkedHashMap<>();
          Map<String, Long[]> times = new LinkedHashMap<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM incidents " + where + " ORDER BY started_at, id")) {
            for (int i = 0; i < args.length; i++) {
              s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                String id = r.getString(1);
                rows.put(
                    id,
                    new String[] {
                      r.getString(2),
                      r.getString(3),
                      r.getString(6),
                      r.getString(7),
                      r.getString(8),
                      r.getString(9)
                    });
                long started = r.getLong(4);
                long resolved = r.getLong(5);
                times.put(id, new Long[] {started, r.wasNull() ? null : resolved});
              }
            }
          }
          List<Incident> incidents = new ArrayList<>();
          for (Map.Entry<String, String[]> row : rows.entrySet()) {
            String id = row.getKey();
            String[] v = row.getValue();
            Long[] t = times.get(id);
            incidents.add(
                new Incident(
                    id,
                    v[0],
                    v[1],
                    labels(c, id),
                    Instant.ofEpochMilli(t[0]),
                    t[1] == null ? null : Instant.ofEpochMilli(t[1]),
                    timeline(c, id),
                    v[2],
                    v[3],
                    v[4],
                    v[5]));
          }
          return incidents;
        });
  }

  private static Map<String, String> labels(Connection c, String id) throws SQLException {
    Map<String, String> labels = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT name, label_value FROM incident_labels WHERE incident_id = ? ORDER BY name")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          labels.put(r.getString(1), r.getString(2));
        }
      }
    }
    return labels;
  }

  private static List<String> timeline(Connection c, String id) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT line FROM incident_timeline WHERE incident_id = ? ORDER BY seq")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          lines.add(r.getString(1));
        }
      }
    }
    return lines;
  }

  // Children first: SQLite enforces ON DELETE CASCADE only with a pragma, so do not rely on it.
  private static int deleteRows(Connection c, String id) throws SQLException {
    for (String table : List.of("incident_labels", "incident_timeline")) {
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM " + table + " WHERE incident_id = ?")) {
        s.setString(1, id);
        s.executeUpdate();
      }
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM incidents WHERE id = ?")) {
      s.setString(1, id);
      return s.executeUpdate();
    }
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("while " + what + ": " + e.getMessage(), e);
    }
  }
}
