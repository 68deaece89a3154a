package lookout.agent.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import lookout.agent.actions.Revisions.Revision;
import lookout.approvals.DryRun;
import lookout.approvals.RollbackWorkload;
import lookout.approvals.TargetSnapshot;

/**
 * Rolls a workload back to an earlier revision, as {@code kubectl rollout undo} does: the pod
 * template of that revision replaces the current one (a JSON patch of {@code /spec/template}); the
 * workload's controller then rolls the pods. Without a named revision it picks the newest earlier
 * one that still has ready pods (the old version serving next to a failing new one), else the
 * newest earlier one whose template differs from the current.
 */
final class WorkloadRollback implements OperationHandler<RollbackWorkload> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Plan(HasMetadata workload, long from, Revision to, Revision now) {}

  @Override
  public DryRun dryRun(KubernetesClient client, RollbackWorkload action) {
    Plan plan = plan(client, action);
    patch(client, action, plan, true);
    String ready = plan.to().ready() > 0 ? " (" + plan.to().ready() + " of its pods ready)" : "";
    String images =
        plan.now() == null
            ? "image → " + plan.to().images()
            : "image " + plan.now().images() + " → " + plan.to().images();
    return new DryRun(
        images + "; revision " + plan.from() + " → " + plan.to().number() + ready,
        snapshot(plan.workload()));
  }

  @Override
  public Optional<TargetSnapshot> current(KubernetesClient client, RollbackWorkload action) {
    HasMetadata object = ApiCalls.call(action, "reading", () -> resource(client, action).get());
    return Optional.ofNullable(object).map(WorkloadRollback::snapshot);
  }

  @Override
  public String execute(KubernetesClient client, RollbackWorkload action) {
    Plan plan = plan(client, action);
    HasMetadata after = patch(client, action, plan, false);
    return "rolled back "
        + ref(action)
        + " from revision "
        + plan.from()
        + " to "
        + plan.to().number()
        + " ("
        + plan.to().images()
        + "); rollout started (generation "
        + ActionTarget.generation(after)
        + ")";
  }

  private Plan plan(KubernetesClient client, RollbackWorkload action) {
    HasMetadata workload =
        ApiCalls.found(
            ApiCalls.call(action, "reading", () -> resource(client, action).get()),
            action,
            ref(action));
    List<Revision> revisions =
        ApiCalls.call(action, "reading revisions", () -> Revisions.of(client, workload));
    long from = Revisions.current(workload, revisions);
    Revision now = revisions.stream().filter(r -> r.number() == from).findFirst().orElse(null);
    Revision to =
        action.revision() > 0
            ? named(action, revisions, from)
            : chosen(action, revisions, from, now);
    return new Plan(workload, from, to, now);
  }

  private static Revision named(RollbackWorkload action, List<Revision> revisions, long from) {
    if (action.revision() == from) {
      throw new IllegalStateException(ref(action) + " is already at revision " + from);
    }
    return revisions.stream()
        .filter(r -> r.number() == action.revision())
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    ref(action)
                        + " has no revision "
                        + action.revision()
                        + " (kept: "
                        + numbers(revisions)
                        + ")"));
  }

  private static Revision chosen(
      RollbackWorkload action, List<Revision> revisions, long from, Revision now) {
    List<Revision> earlier = revisions.stream().filter(r -> r.number() < from).toList();
    return earlier.stream()
        .filter(r -> r.ready() > 0)
        .findFirst()
        .or(
            () ->
                earlier.stream()
                    .filter(r -> now == null || !Objects.equals(r.template(), now.template()))
                    .findFirst())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    ref(action)
                        + " has no earlier revision to roll back to (kept: "
                        + numbers(revisions)
                        + ")"));
  }

  private static HasMetadata patch(
      KubernetesClient client, RollbackWorkload action, Plan plan, boolean dryRun) {
    ArrayNode patch = JSON.createArrayNode();
    patch
        .addObject()
        .put("op", "replace")
        .put("path", "/spec/template")
        .set("value", JSON.valueToTree(plan.to().template()));
    Resource<? extends HasMetadata> resource = resource(client, action);
    return ApiCalls.call(
        action,
        dryRun ? "dry-running" : "patching",
        () ->
            (dryRun ? resource.dryRun() : resource)
                .patch(PatchContext.of(PatchType.JSON), patch.toString()));
  }

  private static Resource<? extends HasMetadata> resource(
      KubernetesClient client, RollbackWorkload action) {
    var apps = client.apps();
    return switch (action.workloadKind()) {
      case "Deployment" ->
          apps.deployments().inNamespace(action.namespace()).withName(action.name());
      case "StatefulSet" ->
          apps.statefulSets().inNamespace(action.namespace()).withName(action.name());
      default -> apps.daemonSets().inNamespace(action.namespace()).withName(action.name());
    };
  }

  private static TargetSnapshot snapshot(HasMetadata object) {
    return new TargetSnapshot(ActionTarget.replicas(object), ActionTarget.generation(object));
  }

  private static String ref(RollbackWorkload action) {
    return action.workloadKind().toLowerCase(java.util.Locale.ROOT)
        + " "
        + action.namespace()
        + "/"
        + action.name();
  }

  private static String numbers(List<Revision> revisions) {
    return revisions.isEmpty()
        ? "none"
        : revisions.stream().map(r -> String.valueOf(r.number())).collect(Collectors.joining(", "));
  }
}
