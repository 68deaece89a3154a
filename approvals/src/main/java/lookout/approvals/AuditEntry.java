package lookout.approvals;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to which request, and when.
 *
 * @param seq database-assigned, increasing in insertion order
 * @param actor a qualified user id, or {@code system} for expiry
 * @param event e.g. requested, approved, rejected, cancelled, refused, expired, executing,
 *     succeeded, failed (see {@link AuditLog})
 * @param detail free text for humans: the action, a refusal reason, the executor's result
 */
public record AuditEntry(
    long seq, String requestId, Instant at, String actor, String event, String detail) {}
