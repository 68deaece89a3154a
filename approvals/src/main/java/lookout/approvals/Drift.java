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
    String target = request.action().namespace() + "/" + request.action().name();
    if (now.isEmpty()) {
      return Optional.of(target + " no longer exists");
    }
    if (now.get().replicas() != before.replicas()) {
      return Optional.of(
          "replicas of "
              + target
              + " changed from "
              + before.replicas()
              + " to "
              + now.get().replicas()
              + " since the request");
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
}
