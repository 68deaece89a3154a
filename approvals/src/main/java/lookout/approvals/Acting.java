package lookout.approvals;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Requests an action for someone who may do it alone (see {@link Policy#actsAlone}): the request is
 * made as usual (policy, breaker, dry run) and then approved on their behalf in a second guarded
 * step, so the audit reads "requested", then "approved" by the same person with the rule that
 * allowed it. Anything else stays PENDING for approvers. A refusal leaves an audit row too, since
 * there is no request to hang it on.
 */
final class Acting {
  private final ApprovalStore store;
  private final Policy policy;
  private final RequestMaker maker;
  private final Clock clock;

  Acting(ApprovalStore store, Policy policy, RequestMaker maker, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.maker = maker;
    this.clock = clock;
  }

  ApprovalRequest act(Action action, String user) {
    ApprovalRequest request;
    try {
      request = maker.request(action, user);
    } catch (PolicyException e) {
      if (UserIds.isQualified(user)) {
        store.refused(action, user, clock.instant(), e.getMessage());
      }
      throw e;
    }
    if (!policy.actsAlone(action, user)) {
      return request;
    }
    Instant now = clock.instant();
    String rule = policy.ruleFor(action).map(PolicyRule::label).orElse("?");
    ApprovalStore.Change change =
        new ApprovalStore.Change(
            State.APPROVED,
            user,
            AuditLog.APPROVED,
            action.describe() + " (alone: policy rule " + rule + " needs no second approver)",
            List.of(user),
            user,
            null,
            null);
    store.transition(request.id(), State.PENDING, List.of(), change, now, null);
    return store.find(request.id()).orElse(request);
  }
}
