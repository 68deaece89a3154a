package lookout.agent.actions;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lookout.approvals.CleanupEvicted;
import lookout.approvals.DryRun;
import lookout.approvals.TargetSnapshot;

/**
 * Deletes the Failed pods of a namespace (Evicted pods are Failed with reason Evicted), oldest
 * first, at most the action's {@code max}. Nothing runs in them, so no budget applies. Snapshot:
 * (how many would be deleted, 0): a namespace that gained or lost some since the request drifts.
 */
final class FailedPodCleanup implements OperationHandler<CleanupEvicted> {
  @Override
  public DryRun dryRun(KubernetesClient client, CleanupEvicted action) {
    List<Pod> failed = failed(client, action);
    List<Pod> chosen = failed.subList(0, Math.min(action.max(), failed.size()));
    if (chosen.isEmpty()) {
      throw new IllegalStateException("namespace " + action.namespace() + " has no Failed pods");
    }
    for (Pod pod : chosen) {
      ApiCalls.run(action, "dry-running", () -> resource(client, pod).dryRun().delete());
    }
    long evicted = chosen.stream().filter(FailedPodCleanup::evicted).count();
    return new DryRun(
        "delete "
            + chosen.size()
            + " of "
            + failed.size()
            + " Failed pods in "
            + action.namespace()
            + " ("
            + evicted
            + " Evicted), oldest first",
        new TargetSnapshot(chosen.size(), 0));
  }

  @Override
  public Optional<TargetSnapshot> current(KubernetesClient client, CleanupEvicted action) {
    int n = Math.min(action.max(), failed(client, action).size());
    return Optional.of(new TargetSnapshot(n, 0));
  }

  @Override
  public String execute(KubernetesClient client, CleanupEvicted action) {
    List<Pod> failed = failed(client, action);
    List<Pod> chosen = failed.subList(0, Math.min(action.max(), failed.size()));
    for (Pod pod : chosen) {
      ApiCalls.run(action, "deleting " + PodFacts.ref(pod), () -> resource(client, pod).delete());
    }
    return "deleted "
        + chosen.size()
        + " Failed pod"
        + (chosen.size() == 1 ? "" : "s")
        + " in "
        + action.namespace()
        + (failed.size() > chosen.size()
            ? "; " + (failed.size() - chosen.size()) + " more remain"
            : "");
  }

  private static List<Pod> failed(KubernetesClient client, CleanupEvicted action) {
    return ApiCalls.call(
            action,
            "listing Failed pods",
            () ->
                client
                    .pods()
                    .inNamespace(action.namespace())
                    .withField("status.phase", "Failed")
                    .list()
                    .getItems())
        .stream()
        .filter(PodFacts::finished)
        .sorted(
            Comparator.comparing(
                (Pod p) ->
                    p.getMetadata().getCreationTimestamp() == null
                        ? ""
                        : p.getMetadata().getCreationTimestamp()))
        .toList();
  }

  private static boolean evicted(Pod pod) {
    return pod.getStatus() != null && "Evicted".equals(pod.getStatus().getReason());
  }

  private static io.fabric8.kubernetes.client.dsl.PodResource resource(
      KubernetesClient client, Pod pod) {
    return client
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName());
  }
}
