package lookout.approvals;

/**
 * Where an approval request is in its life. The only moves are PENDING → APPROVED → EXECUTING →
 * SUCCEEDED/FAILED, and PENDING → REJECTED/EXPIRED; each is one guarded SQL update.
 */
public enum State {
  PENDING,
  APPROVED,
  EXECUTING,
  SUCCEEDED,
  FAILED,
  REJECTED,
  EXPIRED;

  /** True when nothing can happen to the request any more. */
  public boolean terminal() {
    return this == SUCCEEDED || this == FAILED || this == REJECTED || this == EXPIRED;
  }
}
