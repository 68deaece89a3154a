package lookout.approvals;

import java.util.Optional;

/**
 * Compares the target now with the snapshot taken when the request was made. Any change to the
 * replica count or the spec's generation means people approved something that no longer describes
 * the cluster, so the request must be made (and approved) again.
 */
final class Drift {
  private Drift() {}

  /** What drifted, in words, or empty when the target is as it was (or no snapshot exists). */
  static Optional<String> check(ApprovalRequest request, Optional<TargetSnapshot> now) {
    TargetSnapshot before = request.before();
    if (before == null) {
      return Optional.empty(); // an old request or one with no target to compare (an MCP call)
    }
    String target =
        request.action() instanceof NodeAction node
            ? "node " + node.name()
            : request.action().namespace() + "/" + request.action().name();
    if (now.isEmpty()) {
      return Optional.of(target + " no longer exists");
    }
    if (now.get().replicas() != before.replicas()) {
      return Optional.of(
          counted(request.action())
              + " of "
              + target
              + " changed from "
              + before.replicas()
              + " to "
              + now.get().replicas()
              + " since the request");
    }
    if (request.action() instanceof DeletePod && now.get().generation() != before.generation()) {
      return Optional.of(
          "pod " + target + " was replaced by a new pod of the same name since the request");
    }
    if (request.action() instanceof NodeAction && now.get().generation() != before.generation()) {
      return Optional.of(
          target
              + " now has "
              + now.get().generation()
              + " pods without a controller or with local data (was "
              + before.generation()
              + ") since the request");
    }
    if (now.get().generation() != before.generation()) {
      return Optional.of(
          target
              + " was changed since the request (generation "
              + before.generation()
              + " → "
              + now.get().generation()
              + ")");
    }
    return Optional.empty();
  }

  /**
   * What {@link TargetSnapshot#replicas()} counts for this action: the replicas of a workload, the
   * pods a clean-up would delete, whether a node is cordoned, whether a CronJob is suspended.
   */
  private static String counted(Action action) {
    return switch (action) {
      case CleanupEvicted c -> "the number of Failed pods to delete";
      case NodeAction n -> "the cordon (1 = unschedulable)";
      case CronJobSuspension c -> "the suspension (1 = suspended)";
      default -> "replicas";
    };
  }
}
