/**
 * Approvals: typed actions, the policy that decides who may approve them, the request state machine
 * (pending → approved → executing → succeeded/failed, or rejected/expired), signed single-use button
 * tokens, the durable store and the audit trail. Nothing here knows about chat platforms or Kubernetes.
 */
package lookout.approvals;
