package lookout.approvals;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One requested action and everything decided about it so far. Immutable snapshot of a database
 * row.
 *
 * @param id random, URL-safe, unguessable
 * @param approvals qualified user ids who approved, in order, all distinct
 * @param decidedBy who rejected, or the approver whose approval completed it; null while pending or
 *     when expired
 * @param result the executor's outcome or the failure reason; null until done
 * @param messageRef opaque to this module: where the bot posted the card; null until attached
 * @param requiredApprovals how many distinct approvers the policy rule asked for when the request
 *     was made (N of N-of-M)
 * @param approvers who may approve, as the rule names them ("group:sre, console:dave"), for cards
 * @param dryRun what the server-side dry run said will change; null for requests made before dry
 *     runs existed
 * @param before the target when the request was made; execution stops if it drifted
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
    String messageRef,
    int requiredApprovals,
    String approvers,
    String dryRun,
    TargetSnapshot before) {
  public ApprovalRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
    requiredApprovals = Math.max(1, requiredApprovals);
    approvers = approvers == null ? "" : approvers;
  }

  /** How many more distinct approvals a pending request needs before it runs. */
  public int missingApprovals() {
    return Math.max(0, requiredApprovals - approvals.size());
  }
}
