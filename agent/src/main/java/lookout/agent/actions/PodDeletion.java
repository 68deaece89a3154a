package lookout.agent.actions;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.approvals.DeletePod;
import lookout.approvals.DryRun;
import lookout.approvals.Observed;
import lookout.approvals.TargetSnapshot;

/**
 * Deletes one pod (with its grace period) so its controller creates a fresh one. A pod no
 * controller owns is reported to the policy, which refuses it unless {@code allowUnowned}. Drift:
 * the pod of the request is identified by its creation time, so a pod recreated under the same name
 * (a StatefulSet's) is not deleted on the old approval.
 */
final class PodDeletion implements OperationHandler<DeletePod> {
  @Override
  public DryRun dryRun(KubernetesClient client, DeletePod action) {
    Pod pod = read(client, action);
    ApiCalls.run(action, "dry-running", () -> resource(client, action).dryRun().delete());
    String owner =
        PodFacts.controller(pod)
            .map(r -> r.getKind() + " " + r.getName() + " creates a new one")
            .orElse("no controller recreates it");
    int restarts = PodFacts.restarts(pod);
    return new DryRun(
        "delete pod "
            + PodFacts.ref(pod)
            + " ("
            + owner
            + (restarts > 0 ? "; " + restarts + " restarts so far" : "")
            + ")",
        snapshot(pod),
        new Observed(
            Map.of(),
            PodFacts.controller(pod).isPresent() ? List.of() : List.of(PodFacts.ref(pod)),
            List.of()));
  }

  @Override
  public Optional<TargetSnapshot> current(KubernetesClient client, DeletePod action) {
    return Optional.ofNullable(
            ApiCalls.call(action, "reading", () -> resource(client, action).get()))
        .map(PodDeletion::snapshot);
  }

  @Override
  public String execute(KubernetesClient client, DeletePod action) {
    Pod pod = read(client, action);
    ApiCalls.run(action, "deleting", () -> resource(client, action).delete());
    return "deleted pod "
        + PodFacts.ref(pod)
        + PodFacts.controller(pod)
            .map(r -> "; " + r.getKind() + " " + r.getName() + " creates a new one")
            .orElse("");
  }

  private static Pod read(KubernetesClient client, DeletePod action) {
    return ApiCalls.found(
        ApiCalls.call(action, "reading", () -> resource(client, action).get()),
        action,
        "pod " + action.namespace() + "/" + action.name());
  }

  private static PodResource resource(KubernetesClient client, DeletePod action) {
    return client.pods().inNamespace(action.namespace()).withName(action.name());
  }

  /** One pod; its creation second stands for its identity. */
  private static TargetSnapshot snapshot(Pod pod) {
    String created = pod.getMetadata().getCreationTimestamp();
    return new TargetSnapshot(1, created == null ? 0 : Instant.parse(created).getEpochSecond());
  }
}
