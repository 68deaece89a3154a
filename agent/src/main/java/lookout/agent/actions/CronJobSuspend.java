package lookout.agent.actions;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Optional;
import lookout.approvals.CronJobSuspension;
import lookout.approvals.DryRun;
import lookout.approvals.TargetSnapshot;

/**
 * Suspends or resumes a CronJob ({@code spec.suspend}, a JSON merge patch). Suspending stops new
 * runs; a run already going finishes. Snapshot: (suspended 0/1, generation).
 */
final class CronJobSuspend implements OperationHandler<CronJobSuspension> {
  @Override
  public DryRun dryRun(KubernetesClient client, CronJobSuspension action) {
    CronJob before = read(client, action);
    patch(client, action, true);
    String schedule = before.getSpec() == null ? "" : before.getSpec().getSchedule();
    return new DryRun(
        "suspend "
            + suspended(before)
            + " → "
            + action.suspend()
            + " (schedule \""
            + schedule
            + "\")",
        snapshot(before));
  }

  @Override
  public Optional<TargetSnapshot> current(KubernetesClient client, CronJobSuspension action) {
    return Optional.ofNullable(
            ApiCalls.call(action, "reading", () -> resource(client, action).get()))
        .map(CronJobSuspend::snapshot);
  }

  @Override
  public String execute(KubernetesClient client, CronJobSuspension action) {
    read(client, action);
    patch(client, action, false);
    return (action.suspend() ? "suspended" : "resumed")
        + " cronjob "
        + action.namespace()
        + "/"
        + action.name()
        + (action.suspend() ? ": no new runs start" : ": runs start on schedule again");
  }

  private static void patch(KubernetesClient client, CronJobSuspension action, boolean dryRun) {
    String patch = "{\"spec\":{\"suspend\":" + action.suspend() + "}}";
    Resource<CronJob> resource = resource(client, action);
    ApiCalls.call(
        action,
        dryRun ? "dry-running" : "patching",
        () ->
            (dryRun ? resource.dryRun() : resource)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
  }

  private static CronJob read(KubernetesClient client, CronJobSuspension action) {
    return ApiCalls.found(
        ApiCalls.call(action, "reading", () -> resource(client, action).get()),
        action,
        "cronjob " + action.namespace() + "/" + action.name());
  }

  private static Resource<CronJob> resource(KubernetesClient client, CronJobSuspension action) {
    return client.batch().v1().cronjobs().inNamespace(action.namespace()).withName(action.name());
  }

  private static boolean suspended(CronJob c) {
    return c.getSpec() != null && Boolean.TRUE.equals(c.getSpec().getSuspend());
  }

  private static TargetSnapshot snapshot(CronJob c) {
    return new TargetSnapshot(suspended(c) ? 1 : 0, ActionTarget.generation(c));
  }
}
