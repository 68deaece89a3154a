package lookout.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit trail (UPDATE and DELETE are refused by triggers). Rows are written on the
 * caller's connection so each one commits or rolls back together with the state change it
 * describes, and copy the request's fields as they are after the change.
 */
final class AuditLog {
  static final String REQUESTED = "requested";
  static final String APPROVED = "approved";
  static final String REJECTED = "rejected";
  static final String CANCELLED = "cancelled";
  static final String REFUSED = "refused";
  static final String DUPLICATE = "duplicate";
  static final String INVALID = "invalid";
  static final String EXPIRED = "expired";
  static final String EXECUTING = "executing";
  static final String SUCCEEDED = "succeeded";
  static final String FAILED = "failed";
  static final String DRIFTED = "drifted";
  static final String BREAKER_OPENED = "breaker-opened";
  static final String BREAKER_RESET = "breaker-reset";

  /** The actor for changes nobody clicked (expiry, execution, recovery). */
  static final String SYSTEM = "system";

  /** The actor of a click whose user the platform could not tell. */
  static final String UNVERIFIED = "unverified";

  /** The request id of a click whose button named no request Lookout has (forged, garbled). */
  static final String NO_REQUEST = "click:invalid";

  private static final int MAX_DETAIL = 2000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final String SELECT =
      "SELECT seq, request_id, occurred_at, actor, event, detail, kind, target_cluster,"
          + " target_namespace, target_name, action_text, requester, approvals, dry_run, result,"
          + " error FROM approval_audit";

  private AuditLog() {}

  /** A row about request {@code requestId}, with the request's current fields copied in. */
  static void append(
      Connection conn,
      String requestId,
      Instant at,
      String actor,
      String event,
      String detail,
      String error)
      throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement(
            "INSERT INTO approval_audit (request_id, occurred_at, actor, event, detail, error,"
                + " kind, target_cluster, target_namespace, target_name, action_text, requester,"
                + " approvals, dry_run, result) SELECT id, ?, ?, ?, ?, ?, kind, target_cluster,"
                + " target_namespace, target_name, action_text, requester, approvals, dry_run,"
                + " result FROM approval_requests WHERE id = ?")) {
      st.setLong(1, at.toEpochMilli());
      st.setString(2, actor);
      st.setString(3, event);
      Sql.setNullable(st, 4, truncate(detail));
      Sql.setNullable(st, 5, truncate(error));
      st.setString(6, requestId);
      if (st.executeUpdate() != 1) {
        throw new SQLException("no request " + requestId + " to audit " + event + " for");
      }
    }
  }

  /** A row about a click that names no request we have (a forged or garbled button value). */
  static void appendInvalidClick(Connection conn, Instant at, String actor, String reason)
      throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement(
            "INSERT INTO approval_audit (request_id, occurred_at, actor, event, detail, error,"
                + " approvals) VALUES (?, ?, ?, ?, ?, ?, '[]')")) {
      st.setString(1, NO_REQUEST);
      st.setLong(2, at.toEpochMilli());
      st.setString(3, actor);
      st.setString(4, INVALID);
      Sql.setNullable(st, 5, truncate(reason));
      Sql.setNullable(st, 6, truncate(reason));
      st.executeUpdate();
    }
  }

  /** A row about a breaker (no request). */
  static void appendBreaker(
      Connection conn, Instant at, String actor, String event, BreakerKey key, String detail)
      throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement(
            "INSERT INTO approval_audit (request_id, occurred_at, actor, event, detail, kind,"
                + " target_cluster, target_namespace, target_name, action_text, approvals)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')")) {
      st.setString(1, "breaker:" + key.id());
      st.setLong(2, at.toEpochMilli());
      st.setString(3, actor);
      st.setString(4, event);
      Sql.setNullable(st, 5, truncate(detail));
      st.setString(6, key.kind());
      st.setString(7, key.cluster());
      st.setString(8, key.namespace());
      st.setString(9, key.name());
      st.setString(10, key.describe());
      st.executeUpdate();
    }
  }

  /**
   * A row about an action refused before a request existed (someone the policy does not allow
   * pressed a button): {@code refused:<kind>:<cluster>/<namespace>/<name>} stands for the request.
   */
  static void appendRefusal(Connection conn, Instant at, String actor, Action action, String reason)
      throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement(
            "INSERT INTO approval_audit (request_id, occurred_at, actor, event, detail, error,"
                + " kind, target_cluster, target_namespace, target_name, action_text, requester,"
                + " approvals) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')")) {
      st.setString(
          1,
          "refused:"
              + action.kind()
              + ":"
              + action.cluster()
              + "/"
              + action.namespace()
              + "/"
              + action.name());
      st.setLong(2, at.toEpochMilli());
      st.setString(3, actor);
      st.setString(4, REFUSED);
      Sql.setNullable(st, 5, truncate("request: " + reason));
      Sql.setNullable(st, 6, truncate(reason));
      st.setString(7, action.kind());
      st.setString(8, action.cluster());
      st.setString(9, action.namespace());
      st.setString(10, action.name());
      st.setString(11, action.describe());
      st.setString(12, actor);
      st.executeUpdate();
    }
  }

  static List<AuditEntry> forRequest(Connection conn, String requestId) throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement(SELECT + " WHERE request_id = ? ORDER BY seq")) {
      st.setString(1, requestId);
      return rows(st);
    }
  }

  /** The newest {@code q.limit()} matching rows, oldest first. */
  static List<AuditEntry> query(Connection conn, AuditQuery q) throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE occurred_at >= ?");
    if (q.namespace() != null) {
      where.append(" AND target_namespace = ?");
    }
    if (q.user() != null) {
      where.append(" AND (actor = ? OR requester = ?)");
    }
    String sql =
        "SELECT * FROM (" + SELECT + where + " ORDER BY seq DESC LIMIT ?) AS newest ORDER BY seq";
    try (PreparedStatement st = conn.prepareStatement(sql)) {
      int i = 1;
      st.setLong(i++, q.since().toEpochMilli());
      if (q.namespace() != null) {
        st.setString(i++, q.namespace());
      }
      if (q.user() != null) {
        st.setString(i++, q.user());
        st.setString(i++, q.user());
      }
      st.setInt(i, q.limit());
      return rows(st);
    }
  }

  private static List<AuditEntry> rows(PreparedStatement st) throws SQLException {
    List<AuditEntry> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(
            new AuditEntry(
                rs.getLong(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                list(rs.getString(13)),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16)));
      }
    }
    return out;
  }

  private static List<String> list(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      return List.of(json); // keep what is there rather than lose an audit row
    }
  }

  private static String truncate(String detail) {
    if (detail == null || detail.length() <= MAX_DETAIL) {
      return detail;
    }
    return detail.substring(0, MAX_DETAIL - 1) + "…";
  }
}
