package lookout.agent.inspect;

import java.util.List;
import lookout.agent.analyzers.Finding;
import lookout.agent.cluster.Workload;

/**
 * Rollouts Kubernetes itself gave up on ({@code ProgressDeadlineExceeded}): a snapshot cannot tell
 * a slow rollout from a stuck one, the Deployment controller's deadline can.
 */
final class StuckRollouts {
  private StuckRollouts() {}

  static List<Finding> of(List<Workload> workloads) {
    return workloads.stream()
        .filter(w -> w.failing().contains("ProgressDeadlineExceeded"))
        .map(StuckRollouts::finding)
        .toList();
  }

  private static Finding finding(Workload w) {
    String summary =
        "rollout stuck: "
            + w.upToDate()
            + "/"
            + w.desired()
            + " updated, "
            + w.available()
            + " available (progress deadline exceeded)";
    return new Finding(
        Finding.Severity.WARNING,
        "StuckRollout",
        w.ref(),
        summary,
        List.of(
            w.ref() + " images " + String.join(", ", w.images()),
            "hint: the new pods do not become ready; see their status with \"status of "
                + w.name()
                + " in "
                + w.namespace()
                + "\""),
        List.of());
  }
}
