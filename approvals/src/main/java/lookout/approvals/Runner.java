package lookout.approvals;

import java.time.Clock;

/**
 * Runs approved requests: claims the request with APPROVED → EXECUTING (only one caller, in any
 * process, can win that update), calls the executor once, and records SUCCEEDED or FAILED.
 */
final class Runner {
  private static final int MAX_RESULT = 2000;

  private final ApprovalStore store;
  private final ActionExecutor executor;
  private final Clock clock;

  Runner(ApprovalStore store, ActionExecutor executor, Clock clock) {
    this.store = store;
    this.executor = executor;
    this.clock = clock;
  }

  ApprovalRequest execute(String requestId) {
    ApprovalRequest request = find(requestId);
    if (request.state() != State.APPROVED) {
      return request;
    }
    ApprovalStore.Change claim =
        new ApprovalStore.Change(
            State.EXECUTING,
            AuditLog.SYSTEM,
            AuditLog.EXECUTING,
            request.action().describe() + " (approved by " + request.decidedBy() + ")",
            null,
            null,
            null);
    if (!store.transition(requestId, State.APPROVED, claim, clock.instant())) {
      return find(requestId); // another caller is running it
    }
    String outcome;
    boolean ok;
    try {
      outcome = executor.execute(request.action());
      outcome = outcome == null || outcome.isBlank() ? "done" : outcome;
      ok = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = "interrupted before it finished";
      ok = false;
    } catch (Exception e) {
      outcome = reason(e);
      ok = false;
    } catch (Error e) {
      // Leave no request stuck in EXECUTING for an error we can still record; then let it
      // propagate.
      finish(requestId, false, "crashed: " + reason(e));
      throw e;
    }
    finish(requestId, ok, outcome);
    return find(requestId);
  }

  private void finish(String requestId, boolean ok, String outcome) {
    String result = outcome.length() <= MAX_RESULT ? outcome : outcome.substring(0, MAX_RESULT);
    ApprovalStore.Change done =
        new ApprovalStore.Change(
            ok ? State.SUCCEEDED : State.FAILED,
            AuditLog.SYSTEM,
            ok ? AuditLog.SUCCEEDED : AuditLog.FAILED,
            result,
            null,
            null,
            result);
    store.transition(requestId, State.EXECUTING, done, clock.instant());
  }

  private ApprovalRequest find(String requestId) {
    return store
        .find(requestId)
        .orElseThrow(() -> new IllegalArgumentException("no approval request " + requestId));
  }

  private static String reason(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
