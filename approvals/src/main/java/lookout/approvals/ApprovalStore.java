package lookout.approvals;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Approval requests in SQL. Every state change is one guarded {@code UPDATE ... WHERE id = ? AND
 * state = ?} (and, for approvals, {@code AND approvals = ?}) plus its audit row in the same
 * transaction; the update count tells the caller whether it won, which is what makes double clicks
 * and several bot replicas safe.
 */
final class ApprovalStore {
  private static final String COLUMNS = RequestRows.COLUMNS;

  /**
   * The new state and what else changes with it; null fields keep their stored value.
   *
   * @param error why it failed or stopped, for the audit row; null otherwise
   */
  record Change(
      State to,
      String actor,
      String event,
      String detail,
      List<String> approvals,
      String decidedBy,
      String result,
      String error) {}

  private final Sql sql;

  ApprovalStore(DataSource db) {
    this.sql = new Sql(db);
  }

  /** Saves a new request and its "requested" audit row ({@code detail}) together. */
  void insert(ApprovalRequest r, String detail) {
    sql.write(
        "while saving request " + r.id(),
        conn -> {
          try (PreparedStatement st =
              conn.prepareStatement(
                  "INSERT INTO approval_requests ("
                      + COLUMNS
                      + ", kind, target_cluster, target_namespace, target_name, action_text,"
                      + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, r.id());
            st.setString(2, ActionCodec.toJson(r.action()));
            st.setString(3, r.requester());
            st.setString(4, r.state().name());
            st.setLong(5, r.createdAt().toEpochMilli());
            st.setLong(6, r.expiresAt().toEpochMilli());
            st.setString(7, RequestRows.toJson(r.approvals()));
            Sql.setNullable(st, 8, r.decidedBy());
            Sql.setNullable(st, 9, r.result());
            Sql.setNullable(st, 10, r.messageRef());
            st.setInt(11, r.requiredApprovals());
            st.setString(12, r.approvers());
            Sql.setNullable(st, 13, r.dryRun());
            Sql.setNullable(st, 14, r.before() == null ? null : (long) r.before().replicas());
            Sql.setNullable(st, 15, r.before() == null ? null : r.before().generation());
            st.setString(16, r.action().kind());
            st.setString(17, r.action().cluster());
            st.setString(18, r.action().namespace());
            st.setString(19, r.action().name());
            st.setString(20, r.action().describe());
            st.setLong(21, r.createdAt().toEpochMilli());
            st.executeUpdate();
          }
          AuditLog.append(
              conn, r.id(), r.createdAt(), r.requester(), AuditLog.REQUESTED, detail, null);
          return null;
        });
  }

  /** Applies {@code change} only if the request is still in state {@code from}; true if it did. */
  boolean transition(String id, State from, Change change, Instant at) {
    return transition(id, from, null, change, at, null);
  }

  /**
   * Applies {@code change} only if the request is still in state {@code from} and, when {@code
   * expectedApprovals} is given, still has exactly those approvals (so two approvers clicking at
   * once cannot overwrite each other). {@code alsoOnWin} runs in the same transaction when it won.
   */
  boolean transition(
      String id,
      State from,
      List<String> expectedApprovals,
      Change change,
      Instant at,
      Sql.Work<Void> alsoOnWin) {
    return sql.write(
        "while moving request " + id + " from " + from + " to " + change.to(),
        conn -> {
          int updated;
          try (PreparedStatement st =
              conn.prepareStatement(
                  "UPDATE approval_requests SET state = ?, approvals = COALESCE(?, approvals),"
                      + " decided_by = COALESCE(?, decided_by), result = COALESCE(?, result),"
                      + " updated_at = ? WHERE id = ? AND state = ?"
                      + (expectedApprovals == null ? "" : " AND approvals = ?"))) {
            st.setString(1, change.to().name());
            Sql.setNullable(
                st, 2, change.approvals() == null ? null : RequestRows.toJson(change.approvals()));
            Sql.setNullable(st, 3, change.decidedBy());
            Sql.setNullable(st, 4, change.result());
            st.setLong(5, at.toEpochMilli());
            st.setString(6, id);
            st.setString(7, from.name());
            if (expectedApprovals != null) {
              st.setString(8, RequestRows.toJson(expectedApprovals));
            }
            updated = st.executeUpdate();
          }
          if (updated == 1) {
            AuditLog.append(
                conn, id, at, change.actor(), change.event(), change.detail(), change.error());
            if (alsoOnWin != null) {
              alsoOnWin.run(conn);
            }
          }
          return updated == 1;
        });
  }

  boolean attachMessage(String id, String messageRef, Instant at) {
    return sql.write(
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
    sql.write(
        "while auditing request " + id,
        conn -> {
          AuditLog.append(conn, id, at, actor, event, detail, detail);
          return null;
        });
  }

  /** An audit row for an action refused before any request existed. */
  void refused(Action action, String actor, Instant at, String reason) {
    sql.write(
        "while auditing a refused " + action.kind(),
        conn -> {
          AuditLog.appendRefusal(conn, at, actor, action, reason);
          return null;
        });
  }

  /** An audit row for a click on a button that names no request we have. */
  void noteInvalid(Instant at, String actor, String reason) {
    sql.write(
        "while auditing an invalid click by " + actor,
        conn -> {
          AuditLog.appendInvalidClick(conn, at, actor, reason);
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

  /** Requests in {@code state} last changed at or before {@code before}, oldest first. */
  List<ApprovalRequest> inState(State state, Instant before) {
    return select(
        "while looking for " + state + " requests",
        "SELECT "
            + COLUMNS
            + " FROM approval_requests WHERE state = ? AND updated_at <= ? ORDER BY updated_at",
        st -> {
          st.setString(1, state.name());
          st.setLong(2, before.toEpochMilli());
        });
  }

  List<ApprovalRequest> recent(int limit) {
    return select(
        "while listing recent requests",
        "SELECT " + COLUMNS + " FROM approval_requests ORDER BY created_at DESC, id LIMIT ?",
        st -> st.setInt(1, limit));
  }

  List<AuditEntry> audit(String id) {
    return sql.read(
        "while reading the audit of request " + id, conn -> AuditLog.forRequest(conn, id));
  }

  List<AuditEntry> audit(AuditQuery query) {
    return sql.read("while reading the audit trail", conn -> AuditLog.query(conn, query));
  }

  private List<ApprovalRequest> select(String what, String query, Sql.Binder binder) {
    return sql.read(
        what,
        conn -> {
          try (PreparedStatement st = conn.prepareStatement(query)) {
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
}
