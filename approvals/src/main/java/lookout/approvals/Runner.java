package lookout.approvals;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs approved requests: claims the request with APPROVED → EXECUTING (only one caller, in any
 * process, can win that update), re-reads the target and stops if it drifted since the request,
 * calls the executor once, and records SUCCEEDED or FAILED together with the breaker count.
 */
final class Runner {
  private static final int MAX_RESULT = 2000;

  private final ApprovalStore store;
  private final BreakerStore breakers;
  private final ActionExecutor executor;
  private final Clock clock;

  Runner(ApprovalStore store, BreakerStore breakers, ActionExecutor executor, Clock clock) {
    this.store = store;
    this.breakers = breakers;
    this.executor = executor;
    this.clock = clock;
  }

  ApprovalRequest execute(String requestId) {
    return execute(requestId, r -> {});
  }

  /**
   * As {@link #execute(String)}; {@code started} sees the request just before the executor runs.
   */
  ApprovalRequest execute(String requestId, Consumer<ApprovalRequest> started) {
    ApprovalRequest request = find(requestId);
    if (request.state() != State.APPROVED) {
      return request;
    }
    Optional<Breaker> open = breakers.open(BreakerKey.of(request.action()));
    if (open.isPresent()) {
      String why = "not run: " + open.get().reason();
      store.transition(
          requestId, State.APPROVED, end(State.FAILED, AuditLog.FAILED, why, why), clock.instant());
      return find(requestId);
    }
    ApprovalStore.Change claim =
        new ApprovalStore.Change(
            State.EXECUTING,
            AuditLog.SYSTEM,
            AuditLog.EXECUTING,
            request.action().describe()
                + " (approved by "
                + String.join(", ", request.approvals())
                + ")",
            null,
            null,
            null,
            null);
    if (!store.transition(requestId, State.APPROVED, claim, clock.instant())) {
      return find(requestId); // another caller is running it
    }
    Optional<String> drift;
    try {
      drift = Drift.check(request, executor.current(request.action()));
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      finish(request, false, "could not re-read the target before running: " + reason(e));
      return find(requestId);
    }
    if (drift.isPresent()) {
      String why = "stopped before changing anything: " + drift.get();
      store.transition(
          requestId,
          State.EXECUTING,
          end(State.DRIFTED, AuditLog.DRIFTED, why, why),
          clock.instant());
      return find(requestId);
    }
    try {
      started.accept(find(requestId));
    } catch (RuntimeException e) {
      // A failed card edit must not stop an approved action that already passed every check.
    }
    String outcome;
    boolean ok;
    try {
      outcome = executor.execute(request.action(), request.decidedBy());
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
      finish(request, false, "crashed: " + reason(e));
      throw e;
    }
    finish(request, ok, outcome);
    return find(requestId);
  }

  private void finish(ApprovalRequest request, boolean ok, String outcome) {
    String result = outcome.length() <= MAX_RESULT ? outcome : outcome.substring(0, MAX_RESULT);
    BreakerKey key = BreakerKey.of(request.action());
    var at = clock.instant();
    store.transition(
        request.id(),
        State.EXECUTING,
        null,
        ok
            ? end(State.SUCCEEDED, AuditLog.SUCCEEDED, result, null)
            : end(State.FAILED, AuditLog.FAILED, result, result),
        at,
        conn -> {
          if (ok) {
            BreakerStore.recordSuccess(conn, key);
          } else {
            BreakerStore.recordFailure(conn, key, at, result);
          }
          return null;
        });
  }

  static ApprovalStore.Change end(State to, String event, String result, String error) {
    return new ApprovalStore.Change(to, AuditLog.SYSTEM, event, result, null, null, result, error);
  }

  private ApprovalRequest find(String requestId) {
    return store
        .find(requestId)
        .orElseThrow(() -> new IllegalArgumentException("no approval request " + requestId));
  }

  static String reason(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
