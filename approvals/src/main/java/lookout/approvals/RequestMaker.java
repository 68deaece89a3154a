package lookout.approvals;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * Creates requests: policy first, then the circuit breaker, then a server-side dry run, and only
 * then a PENDING row — so nobody is ever asked to approve something the policy forbids, the breaker
 * blocks or the API server would refuse.
 */
final class RequestMaker {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApprovalStore store;
  private final BreakerStore breakers;
  private final Policy policy;
  private final ActionExecutor executor;
  private final Clock clock;

  RequestMaker(
      ApprovalStore store,
      BreakerStore breakers,
      Policy policy,
      ActionExecutor executor,
      Clock clock) {
    this.store = store;
    this.breakers = breakers;
    this.policy = policy;
    this.executor = executor;
    this.clock = clock;
  }

  ApprovalRequest request(Action action, String requester) {
    if (!UserIds.isQualified(requester)) {
      String problem =
          requester == null
              ? "no requester given"
              : "requester \"" + requester + "\" is not a platform-qualified user id";
      throw new PolicyException(problem + " — expected platform:id (e.g. slack:U0123)");
    }
    PolicyRule rule = policy.checkRequest(action, requester);
    breakers
        .open(BreakerKey.of(action))
        .ifPresent(
            b -> {
              throw new PolicyException(b.reason());
            });
    DryRun dryRun = dryRun(action);
    policy.checkObserved(action, dryRun.observed());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // what the database keeps
    ApprovalRequest request =
        new ApprovalRequest(
            newId(),
            action,
            requester,
            State.PENDING,
            now,
            now.plus(rule.ttl()),
            List.of(),
            null,
            null,
            null,
            rule.requiredApprovals(),
            String.join(", ", rule.approvers()),
            dryRun.change(),
            dryRun.before());
    store.insert(
        request,
        action.describe()
            + " on cluster "
            + action.cluster()
            + " (policy rule "
            + rule.label()
            + ", "
            + rule.requiredApprovals()
            + " approval"
            + (rule.requiredApprovals() == 1 ? "" : "s")
            + " needed; dry run: "
            + dryRun.change()
            + ")");
    return request;
  }

  private DryRun dryRun(Action action) {
    try {
      DryRun result = executor.dryRun(action);
      if (result == null) {
        throw new IllegalStateException("the executor returned no dry run result");
      }
      return result;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String who = action instanceof AlertSilence ? "Alertmanager" : "the cluster";
      throw new PolicyException(
          who + " refused a dry run of " + action.describe() + ": " + Runner.reason(e));
    }
  }

  private static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
