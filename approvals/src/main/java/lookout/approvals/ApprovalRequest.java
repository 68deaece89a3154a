package lookout.approvals;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One requested action and everything decided about it so far. Immutable snapshot of a database
 * row.
 *
 * @param id random, URL-safe, unguessable
 * @param approvals qualified user ids who approved, in order (a list so N-of-M can come later)
 * @param decidedBy who rejected, or the last approver; null while pending or when expired
 * @param result the executor's outcome or the failure reason; null until done
 * @param messageRef opaque to this module: where the bot posted the card; null until attached
 */
public record ApprovalRequest(
    String id,
    Action action,
    String requester,
    State state,
    Instant createdAt,
    Instant expiresAt,
    List<String> approvals,
    String decidedBy,
    String result,
    String messageRef) {
  public ApprovalRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
  }
}
