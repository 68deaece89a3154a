/**
 * Approvals: typed actions, the policy that decides who may request and approve them (N of M
 * distinct approvers, limits), the request state machine (pending → approved → executing →
 * succeeded/failed/drifted, or rejected/expired), server-side dry runs before a request and drift
 * checks before execution, signed single-use button tokens, circuit breakers, the durable store
 * with its versioned migrations (SQLite or PostgreSQL) and the append-only audit trail. Nothing
 * here knows about chat platforms or Kubernetes: the cluster side is the consumer-owned {@link
 * lookout.approvals.ActionExecutor}.
 *
 * <p>Entry points: {@link lookout.approvals.PolicyLoader} (or {@link
 * lookout.approvals.Policy#sandboxDefault()}), {@link lookout.approvals.ApprovalsSchema#migrate},
 * then {@link lookout.approvals.Approvals}; {@link lookout.approvals.AuditTrail} reads the audit
 * without a policy or cluster. The policy file format and every decision rule are documented in
 * approvals/POLICY.md.
 */
package lookout.approvals;
