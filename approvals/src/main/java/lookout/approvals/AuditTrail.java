package lookout.approvals;

import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Read-only access to the audit trail, for tools that need no policy or cluster (the CLI's {@code
 * audit} export). Call {@link ApprovalsSchema#migrate} first.
 */
public final class AuditTrail {
  private final Sql sql;

  public AuditTrail(DataSource db) {
    this.sql = new Sql(Objects.requireNonNull(db, "db"));
  }

  /** Rows matching {@code query}: the newest {@code limit}, oldest first. */
  public List<AuditEntry> query(AuditQuery query) {
    Objects.requireNonNull(query, "query");
    return sql.read("while reading the audit trail", conn -> AuditLog.query(conn, query));
  }
}
