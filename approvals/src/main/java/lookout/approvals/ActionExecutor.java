package lookout.approvals;

/**
 * Performs an approved action against the real system (implemented in the agent with fabric8).
 * Called at most once per approved request, from a virtual thread.
 */
public interface ActionExecutor {
  /** Runs the action; returns what happened in one line, or throws with the reason it failed. */
  String execute(Action action) throws Exception;
}
