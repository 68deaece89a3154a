package lookout.approvals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves requests a stopped process left behind. EXECUTING means the executor may have been
 * called, so it is never called again: the request is marked FAILED with a reason that says to
 * check the target. APPROVED means it was never claimed, so it provably never started: it is run
 * now (once — the claim is still guarded) if its approval is still within the request's ttl, else
 * marked FAILED.
 */
final class Recovery {
  static final String INTERRUPTED =
      "interrupted: Lookout stopped while this was running, so it may or may not have taken"
          + " effect; it is not retried automatically — check the target and request again if"
          + " needed";

  private final ApprovalStore store;
  private final Runner runner;
  private final Clock clock;

  Recovery(ApprovalStore store, Runner runner, Clock clock) {
    this.store = store;
    this.runner = runner;
    this.clock = clock;
  }

  /**
   * @param executingFor how long a request must have been EXECUTING (or APPROVED) to count as
   *     abandoned: zero when this is the only process on the database; longer than any execution
   *     takes when replicas share it, so a live replica's running request is left alone
   */
  List<ApprovalRequest> recover(Duration executingFor) {
    Instant now = clock.instant();
    List<ApprovalRequest> touched = new ArrayList<>();
    for (ApprovalRequest r : store.inState(State.EXECUTING, now.minus(executingFor))) {
      if (store.transition(
          r.id(),
          State.EXECUTING,
          Runner.end(State.FAILED, AuditLog.FAILED, INTERRUPTED, INTERRUPTED),
          now)) {
        touched.add(store.find(r.id()).orElse(r));
      }
    }
    for (ApprovalRequest r : store.inState(State.APPROVED, now.minus(executingFor))) {
      if (now.isBefore(r.expiresAt())) {
        touched.add(runner.execute(r.id()));
      } else {
        String why =
            "not run: approved, but Lookout stopped before running it and the request's ttl has"
                + " passed since; request again if it is still needed";
        if (store.transition(
            r.id(), State.APPROVED, Runner.end(State.FAILED, AuditLog.FAILED, why, why), now)) {
          touched.add(store.find(r.id()).orElse(r));
        }
      }
    }
    return touched;
  }
}
