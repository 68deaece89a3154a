package lookout.approvals;

import java.util.Optional;

/**
 * Performs actions against the real system (implemented in the agent with fabric8). Approvals calls
 * {@link #dryRun} before a request is created, {@link #current} right before executing (drift
 * check), and {@link #execute} at most once per approved request, from a virtual thread.
 */
public interface ActionExecutor {
  /**
   * Validates the action with the target system without changing anything.
   *
   * @throws Exception with the reason the system would refuse it (target missing, forbidden, …)
   */
  DryRun dryRun(Action action) throws Exception;

  /**
   * The target as it is now, or empty when it no longer exists.
   *
   * @throws Exception when the target cannot be read
   */
  Optional<TargetSnapshot> current(Action action) throws Exception;

  /** Runs the action; returns what happened in one line, or throws with the reason it failed. */
  String execute(Action action) throws Exception;

  /**
   * Runs the action approved by {@code approvedBy} (the qualified chat id whose approval completed
   * the request). An executor that acts under the approver's own identity (Kubernetes
   * impersonation) uses it; the default runs as the executor's own identity.
   */
  default String execute(Action action, String approvedBy) throws Exception {
    return execute(action);
  }

  /**
   * The progress of the rollout a finished action started, or empty when it started none (scale) or
   * the executor cannot tell. Read-only.
   *
   * @throws Exception when the target cannot be read
   */
  default Optional<Rollout> rollout(Action action) throws Exception {
    return Optional.empty();
  }
}
