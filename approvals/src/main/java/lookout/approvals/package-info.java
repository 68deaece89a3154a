/**
 * Approvals: typed actions, the policy that decides who may approve them, the request state machine
 * (pending → approved → executing → succeeded/failed, or rejected/expired), signed single-use
 * button tokens, the durable store and the audit trail. Nothing here knows about chat platforms or
 * Kubernetes.
 *
 * <p>Entry points: {@link lookout.approvals.PolicyLoader} (or {@link
 * lookout.approvals.Policy#sandboxDefault()}), {@link lookout.approvals.ApprovalsSchema#apply},
 * then {@link lookout.approvals.Approvals}. The policy file format is documented in
 * approvals/POLICY.md.
 */
package lookout.approvals;
