package lookout.approvals;

import java.util.Set;

/**
 * The repairs beyond restart and scale: roll back, delete one pod, cordon/uncordon/drain a node,
 * suspend/resume a CronJob, re-run a Job, clean up Evicted pods. They pass the same approvals as a
 * restart (policy, breaker, server-side dry run, drift check, one execution, audit), but a policy
 * rule covers them only when it names them in {@code actions}: a rule written before they existed
 * never starts allowing a drain.
 */
public sealed interface Operation extends Action
    permits RollbackWorkload, DeletePod, NodeAction, CronJobSuspension, RerunJob, CleanupEvicted {

  /** Kinds acting in a namespace, covered by rules that name them and select the namespace. */
  Set<String> NAMESPACED_KINDS =
      PolicyLoader.orderedSet(
          RollbackWorkload.KIND,
          DeletePod.KIND,
          CronJobSuspension.SUSPEND,
          CronJobSuspension.RESUME,
          RerunJob.KIND,
          CleanupEvicted.KIND);

  /** Kinds acting on a node (cluster-scoped), covered only by rules with {@code nodes}. */
  Set<String> NODE_KINDS = PolicyLoader.orderedSet("cordon", "uncordon", "drain");

  /** True for kinds a rule covers only when it names them. */
  static boolean isOperation(String kind) {
    return NAMESPACED_KINDS.contains(kind) || NODE_KINDS.contains(kind);
  }
}
