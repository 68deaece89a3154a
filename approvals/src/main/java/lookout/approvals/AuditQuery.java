package lookout.approvals;

import java.time.Instant;
import java.util.Objects;

/**
 * Which audit rows to read, newest last. Null filters match everything.
 *
 * @param since only rows at or after this time
 * @param namespace only rows about this namespace
 * @param user only rows this qualified user acted on or requested
 * @param limit at most this many rows (the newest ones)
 */
public record AuditQuery(Instant since, String namespace, String user, int limit) {
  public static final int MAX_LIMIT = 100_000;

  public AuditQuery {
    Objects.requireNonNull(since, "since");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }
}
