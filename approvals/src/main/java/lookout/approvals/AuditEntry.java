package lookout.approvals;

import java.time.Instant;
import java.util.List;

/**
 * One append-only line of the audit trail: who did what to which request, when, and the request as
 * it was right after (so a row reads on its own, even if the request row changes later).
 *
 * @param seq database-assigned, increasing in insertion order
 * @param requestId the request, or {@code breaker:<kind>:<cluster>/<namespace>/<name>} for breaker
 *     events, or {@code click:invalid} for a click on a button that names no request we have
 * @param actor a qualified user id, {@code system} for expiry, execution and recovery, or {@code
 *     unverified} for a click whose platform could not say who it was
 * @param event the decision or step: requested, approved, rejected, cancelled, refused, expired,
 *     executing, succeeded, failed, drifted, breaker-opened, breaker-reset; for clicks that changed
 *     nothing also duplicate (the request had moved on), expired (by the user who clicked too late)
 *     and invalid (forged or garbled value) (see {@link AuditLog})
 * @param detail free text for humans: the action, a refusal reason, the executor's result
 * @param kind the action kind ({@code restart}, {@code scale})
 * @param target {@code <kind of object> <namespace>/<name>}'s name part, e.g. {@code checkout}
 * @param action the action in words ("scale deployment prod/api to 5")
 * @param approvers who had approved at that moment
 * @param dryRun what the dry run said would change
 * @param result the execution's outcome once known
 * @param error why it failed, was refused or stopped; null otherwise
 */
public record AuditEntry(
    long seq,
    String requestId,
    Instant at,
    String actor,
    String event,
    String detail,
    String kind,
    String cluster,
    String namespace,
    String target,
    String action,
    String requester,
    List<String> approvers,
    String dryRun,
    String result,
    String error) {
  public AuditEntry {
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
  }
}
