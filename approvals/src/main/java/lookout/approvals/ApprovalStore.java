package lookout.approvals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Approval requests in SQL. Every state change is one guarded {@code UPDATE ... WHERE id = ? AND
 * state = ?} plus its audit row in the same transaction; the update count tells the caller whether
 * it won, which is what makes double clicks and several bot replicas safe.
 */
final class ApprovalStore {
  private static final String COLUMNS = RequestRows.COLUMNS;

  /** The new state and what else changes with it; null fields keep their stored value. */
  record Change(
      State to,
      String actor,
      String event,
      String detail,
      List<String> approvals,
      String decidedBy,
      String result) {}

  private final DataSource db;

  ApprovalStore(DataSource db) {
    this.db = db;
  }

  /** Saves a new request and its "requested" audit row ({@code detail}) together. */
  void insert(ApprovalRequest r, String detail) {
    write(
        "while saving request " + r.id(),
        conn -> {
          try (PreparedStatement st =
              conn.prepareStatement(
                  "INSERT INTO approval_requests ("
                      + COLUMNS
                      + ", kind, target_cluster, target_namespace,"
                      + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, r.id());
            st.setString(2, ActionCodec.toJson(r.action()));
            st.setString(3, r.requester());
            st.setString(4, r.state().name());
            st.setLong(5, r.createdAt().toEpochMilli());
            st.setLong(6, r.expiresAt().toEpochMilli());
            st.setString(7, RequestRows.toJson(r.approvals()));
            st.setString(8, r.decidedBy());
            st.setString(9, r.result());
            st.setString(10, r.messageRef());
            st.setString(11, r.action().kind());
            st.setString(12, r.action().cluster());
            st.setString(13, r.action().namespace());
            st.setLong(14, r.createdAt().toEpochMilli());
            st.executeUpdate();
          }
          AuditLog.append(conn, r.id(), r.createdAt(), r.requester(), AuditLog.REQUESTED, detail);
          return null;
        });
  }

  /** Applies {@code change} only if the request is still in state {@code from}; true if it did. */
  boolean transition(String id, State from, Change change, Instant at) {
    return write(
        "while moving request " + id + " from " + from + " to " + change.to(),
        conn -> {
          int updated;
          try (PreparedStatement st =
              conn.prepareStatement(
                  "UPDATE approval_requests SET state = ?, approvals = COALESCE(?, approvals),"
                      + " decided_by = COALESCE(?, decided_by), result = COALESCE(?, result),"
                      + " updated_at = ? WHERE id = ? AND state = ?")) {
            st.setString(1, change.to().name());
            RequestRows.setNullable(
                st, 2, change.approvals() == null ? null : RequestRows.toJson(change.approvals()));
            RequestRows.setNullable(st, 3, change.decidedBy());
            RequestRows.setNullable(st, 4, change.result());
            st.setLong(5, at.toEpochMilli());
            st.setString(6, id);
            st.setString(7, from.name());
            updated = st.executeUpdate();
          }
          if (updated == 1) {
            AuditLog.append(conn, id, at, change.actor(), change.event(), change.detail());
          }
          return updated == 1;
        });
  }

  boolean attachMessage(String id, String messageRef, Instant at) {
    return write(
        "while attaching a message to request " + id,
        conn -> {
          try (PreparedStatement st =
              conn.prepareStatement(
                  "UPDATE approval_requests SET message_ref = ?, updated_at = ? WHERE id = ?")) {
            st.setString(1, messageRef);
            st.setLong(2, at.toEpochMilli());
            st.setString(3, id);
            return st.executeUpdate() == 1;
          }
        });
  }

  /** An audit row that is not a state change (a refused click). */
  void note(String id, Instant at, String actor, String event, String detail) {
    write(
        "while auditing request " + id,
        conn -> {
          AuditLog.append(conn, id, at, actor, event, detail);
          return null;
        });
  }

  Optional<ApprovalRequest> find(String id) {
    List<ApprovalRequest> found =
        select(
            "while reading request " + id,
            "SELECT " + COLUMNS + " FROM approval_requests WHERE id = ?",
            st -> st.setString(1, id));
    return found.stream().findFirst();
  }

  List<ApprovalRequest> pendingDue(Instant now) {
    return select(
        "while looking for expired requests",
        "SELECT "
            + COLUMNS
            + " FROM approval_requests WHERE state = ? AND expires_at <= ?"
            + " ORDER BY expires_at",
        st -> {
          st.setString(1, State.PENDING.name());
          st.setLong(2, now.toEpochMilli());
        });
  }

  List<ApprovalRequest> recent(int limit) {
    return select(
        "while listing recent requests",
        "SELECT " + COLUMNS + " FROM approval_requests ORDER BY created_at DESC, id LIMIT ?",
        st -> st.setInt(1, limit));
  }

  List<AuditEntry> audit(String id) {
    return read("while reading the audit of request " + id, conn -> AuditLog.forRequest(conn, id));
  }

  private interface Binder {
    void bind(PreparedStatement st) throws SQLException;
  }

  private interface Work<T> {
    T run(Connection conn) throws SQLException;
  }

  private List<ApprovalRequest> select(String what, String sql, Binder binder) {
    return read(
        what,
        conn -> {
          try (PreparedStatement st = conn.prepareStatement(sql)) {
            binder.bind(st);
            List<ApprovalRequest> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                out.add(RequestRows.read(rs));
              }
            }
            return out;
          }
        });
  }

  private <T> T read(String what, Work<T> work) {
    try (Connection conn = db.getConnection()) {
      return work.run(conn);
    } catch (SQLException e) {
      throw new ApprovalStoreException(what + ": " + e.getMessage(), e);
    }
  }

  private <T> T write(String what, Work<T> work) {
    try (Connection conn = db.getConnection()) {
      conn.setAutoCommit(false);
      try {
        T result = work.run(conn);
        conn.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new ApprovalStoreException(what + ": " + e.getMessage(), e);
    }
  }
}
