package lookout.approvals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail. Rows are written on the caller's connection so each one commits or rolls back
 * together with the state change it describes.
 */
final class AuditLog {
  static final String REQUESTED = "requested";
  static final String APPROVED = "approved";
  static final String REJECTED = "rejected";
  static final String CANCELLED = "cancelled";
  static final String REFUSED = "refused";
  static final String EXPIRED = "expired";
  static final String EXECUTING = "executing";
  static final String SUCCEEDED = "succeeded";
  static final String FAILED = "failed";

  /** The actor for changes nobody clicked (expiry). */
  static final String SYSTEM = "system";

  private static final int MAX_DETAIL = 2000;

  private AuditLog() {}

  static void append(
      Connection conn, String requestId, Instant at, String actor, String event, String detail)
      throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement(
            "INSERT INTO approval_audit (request_id, occurred_at, actor, event, detail)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      st.setString(1, requestId);
      st.setLong(2, at.toEpochMilli());
      st.setString(3, actor);
      st.setString(4, event);
      st.setString(5, truncate(detail));
      st.executeUpdate();
    }
  }

  static List<AuditEntry> forRequest(Connection conn, String requestId) throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement(
            "SELECT seq, request_id, occurred_at, actor, event, detail FROM approval_audit"
                + " WHERE request_id = ? ORDER BY seq")) {
      st.setString(1, requestId);
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
                  rs.getString(6)));
        }
      }
      return out;
    }
  }

  private static String truncate(String detail) {
    if (detail == null || detail.length() <= MAX_DETAIL) {
      return detail;
    }
    return detail.substring(0, MAX_DETAIL - 1) + "…";
  }
}
