package lookout.approvals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Circuit breakers in SQL ({@code approval_breakers}), persisted so a restart or another replica
 * sees them. Counting happens on the caller's connection, in the transaction that records the
 * execution's outcome, so a failure is counted exactly once.
 */
final class BreakerStore {
  /** Consecutive failures that open a breaker. */
  static final int THRESHOLD = 3;

  private static final String SELECT =
      "SELECT kind, target_cluster, target_namespace, target_name, failures, opened_at,"
          + " last_error FROM approval_breakers";

  private final Sql sql;

  BreakerStore(Sql sql) {
    this.sql = sql;
  }

  /** Counts a failed execution; opens the breaker (and audits it) at the threshold. */
  static void recordFailure(Connection conn, BreakerKey key, Instant at, String error)
      throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement(
            "INSERT INTO approval_breakers (breaker_key, kind, target_cluster, target_namespace,"
                + " target_name, failures, opened_at, last_error, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, 1, NULL, ?, ?) ON CONFLICT (breaker_key) DO UPDATE"
                + " SET failures = approval_breakers.failures + 1,"
                + " last_error = excluded.last_error, updated_at = excluded.updated_at")) {
      st.setString(1, key.id());
      st.setString(2, key.kind());
      st.setString(3, key.cluster());
      st.setString(4, key.namespace());
      st.setString(5, key.name());
      Sql.setNullable(st, 6, error);
      st.setLong(7, at.toEpochMilli());
      st.executeUpdate();
    }
    try (PreparedStatement st =
        conn.prepareStatement(
            "UPDATE approval_breakers SET opened_at = ? WHERE breaker_key = ?"
                + " AND opened_at IS NULL AND failures >= ?")) {
      st.setLong(1, at.toEpochMilli());
      st.setString(2, key.id());
      st.setInt(3, THRESHOLD);
      if (st.executeUpdate() == 1) {
        AuditLog.appendBreaker(
            conn,
            at,
            AuditLog.SYSTEM,
            AuditLog.BREAKER_OPENED,
            key,
            THRESHOLD + " failed executions in a row; last: " + error);
      }
    }
  }

  /** A success ends a run of failures (unless the breaker is already open). */
  static void recordSuccess(Connection conn, BreakerKey key) throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement(
            "UPDATE approval_breakers SET failures = 0 WHERE breaker_key = ?"
                + " AND opened_at IS NULL")) {
      st.setString(1, key.id());
      st.executeUpdate();
    }
  }

  Optional<Breaker> open(BreakerKey key) {
    return sql.read(
        "while reading the breaker for " + key.describe(),
        conn -> {
          try (PreparedStatement st =
              conn.prepareStatement(SELECT + " WHERE breaker_key = ? AND opened_at IS NOT NULL")) {
            st.setString(1, key.id());
            return rows(st).stream().findFirst();
          }
        });
  }

  List<Breaker> allOpen() {
    return sql.read(
        "while listing open breakers",
        conn -> {
          try (PreparedStatement st =
              conn.prepareStatement(
                  SELECT + " WHERE opened_at IS NOT NULL ORDER BY opened_at, breaker_key")) {
            return rows(st);
          }
        });
  }

  /** Closes an open breaker; false when it was not open. Audited with {@code actor}. */
  boolean reset(BreakerKey key, String actor, Instant at) {
    return sql.write(
        "while resetting the breaker for " + key.describe(),
        conn -> {
          try (PreparedStatement st =
              conn.prepareStatement(
                  "UPDATE approval_breakers SET failures = 0, opened_at = NULL, updated_at = ?"
                      + " WHERE breaker_key = ? AND opened_at IS NOT NULL")) {
            st.setLong(1, at.toEpochMilli());
            st.setString(2, key.id());
            if (st.executeUpdate() != 1) {
              return false;
            }
          }
          AuditLog.appendBreaker(conn, at, actor, AuditLog.BREAKER_RESET, key, "reset in chat");
          return true;
        });
  }

  private static List<Breaker> rows(PreparedStatement st) throws SQLException {
    List<Breaker> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Breaker(
                new BreakerKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                rs.getInt(5),
                Instant.ofEpochMilli(rs.getLong(6)),
                rs.getString(7)));
      }
    }
    return out;
  }
}
