package lookout.agent.actions;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.Optional;
import lookout.approvals.Rollout;

/**
 * A deployment's rollout progress in words, from its status ("0 of 3 pods updated, 2 ready"), so a
 * restart's card says how far the rollout got rather than only that it started.
 */
final class RolloutProgress {
  private RolloutProgress() {}

  /** The rollout of a deployment as approvals reports it: progress and whether it is complete. */
  static Optional<Rollout> rollout(HasMetadata object) {
    if (!(object instanceof Deployment d) || d.getStatus() == null) {
      return Optional.empty();
    }
    DeploymentStatus s = d.getStatus();
    int desired = ActionTarget.replicas(d);
    boolean observed =
        s.getObservedGeneration() != null
            && s.getObservedGeneration() >= ActionTarget.generation(d);
    boolean complete =
        observed
            && count(s.getUpdatedReplicas()) >= desired
            && count(s.getReadyReplicas()) >= desired
            && count(s.getReplicas()) <= desired;
    return of(d).map(text -> new Rollout(text, complete));
  }

  static Optional<String> of(HasMetadata object) {
    if (!(object instanceof Deployment d) || d.getStatus() == null) {
      return Optional.empty();
    }
    DeploymentStatus s = d.getStatus();
    int desired = ActionTarget.replicas(d);
    return Optional.of(
        count(s.getUpdatedReplicas())
            + " of "
            + desired
            + " pod"
            + (desired == 1 ? "" : "s")
            + " updated, "
            + count(s.getReadyReplicas())
            + " ready");
  }

  private static int count(Integer n) {
    return n == null ? 0 : n;
  }
}
