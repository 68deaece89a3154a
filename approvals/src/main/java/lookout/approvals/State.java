package lookout.approvals;

/**
 * Where an approval request is in its life. The only moves are PENDING → APPROVED → EXECUTING →
 * SUCCEEDED/FAILED/DRIFTED, PENDING → REJECTED/EXPIRED, and APPROVED → FAILED (not run: breaker
 * open, or found at restart); each is one guarded SQL update.
 */
public enum State {
  PENDING,
  APPROVED,
  EXECUTING,
  SUCCEEDED,
  FAILED,
  /** Stopped before changing anything: the target changed or vanished since the request. */
  DRIFTED,
  REJECTED,
  EXPIRED;

  /** True when nothing can happen to the request any more. */
  public boolean terminal() {
    return this == SUCCEEDED
        || this == FAILED
        || this == DRIFTED
        || this == REJECTED
        || this == EXPIRED;
  }
}
