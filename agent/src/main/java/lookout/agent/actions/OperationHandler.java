package lookout.agent.actions;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import lookout.approvals.DryRun;
import lookout.approvals.Operation;
import lookout.approvals.TargetSnapshot;

/**
 * One kind of {@link Operation} against the API server, given the client to use (Lookout's own, or
 * one impersonating the approver). The dry run sends the same writes with {@code dryRun=All}.
 */
interface OperationHandler<A extends Operation> {
  /** Validates with a server-side dry run; says what will change and what the policy must see. */
  DryRun dryRun(KubernetesClient client, A action);

  /** The target now, to compare with the dry run's; empty when it no longer exists. */
  Optional<TargetSnapshot> current(KubernetesClient client, A action);

  /** Performs the operation once; one line saying what happened. */
  String execute(KubernetesClient client, A action);
}
