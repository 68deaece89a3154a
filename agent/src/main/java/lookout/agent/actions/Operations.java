package lookout.agent.actions;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Optional;
import lookout.approvals.CleanupEvicted;
import lookout.approvals.CronJobSuspension;
import lookout.approvals.DeletePod;
import lookout.approvals.DryRun;
import lookout.approvals.NodeAction;
import lookout.approvals.Operation;
import lookout.approvals.RerunJob;
import lookout.approvals.RollbackWorkload;
import lookout.approvals.TargetSnapshot;

/** Sends each {@link Operation} to the handler of its kind. */
final class Operations {
  private final WorkloadRollback rollback = new WorkloadRollback();
  private final PodDeletion podDeletion = new PodDeletion();
  private final NodeOperations nodes = new NodeOperations();
  private final CronJobSuspend cronJobs = new CronJobSuspend();
  private final JobRerun rerun;
  private final FailedPodCleanup cleanup = new FailedPodCleanup();

  Operations(Clock clock) {
    this.rerun = new JobRerun(clock);
  }

  DryRun dryRun(KubernetesClient client, Operation operation) {
    return switch (operation) {
      case RollbackWorkload a -> rollback.dryRun(client, a);
      case DeletePod a -> podDeletion.dryRun(client, a);
      case NodeAction a -> nodes.dryRun(client, a);
      case CronJobSuspension a -> cronJobs.dryRun(client, a);
      case RerunJob a -> rerun.dryRun(client, a);
      case CleanupEvicted a -> cleanup.dryRun(client, a);
    };
  }

  Optional<TargetSnapshot> current(KubernetesClient client, Operation operation) {
    return switch (operation) {
      case RollbackWorkload a -> rollback.current(client, a);
      case DeletePod a -> podDeletion.current(client, a);
      case NodeAction a -> nodes.current(client, a);
      case CronJobSuspension a -> cronJobs.current(client, a);
      case RerunJob a -> rerun.current(client, a);
      case CleanupEvicted a -> cleanup.current(client, a);
    };
  }

  String execute(KubernetesClient client, Operation operation) {
    return switch (operation) {
      case RollbackWorkload a -> rollback.execute(client, a);
      case DeletePod a -> podDeletion.execute(client, a);
      case NodeAction a -> nodes.execute(client, a);
      case CronJobSuspension a -> cronJobs.execute(client, a);
      case RerunJob a -> rerun.execute(client, a);
      case CleanupEvicted a -> cleanup.execute(client, a);
    };
  }
}
