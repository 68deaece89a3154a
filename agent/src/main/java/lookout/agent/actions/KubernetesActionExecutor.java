package lookout.agent.actions;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import lookout.approvals.Action;
import lookout.approvals.ActionExecutor;
import lookout.approvals.AlertSilence;
import lookout.approvals.DryRun;
import lookout.approvals.KubeIdentity;
import lookout.approvals.McpToolCall;
import lookout.approvals.Operation;
import lookout.approvals.RestartDeployment;
import lookout.approvals.Rollout;
import lookout.approvals.ScaleWorkload;
import lookout.approvals.TargetSnapshot;

/**
 * Runs approved actions with fabric8, on the cluster each action names. Restart sets {@code
 * kubectl.kubernetes.io/restartedAt} on the pod template (what {@code kubectl rollout restart}
 * does); scale sets {@code spec.replicas}. Both are JSON merge patches, which every API server
 * accepts. The {@link Operation}s (roll back, delete a pod, node actions, CronJob suspension,
 * re-run, clean-up) go to their handlers through {@link Operations}, with the same client. Failures
 * throw with a message naming the action, the cluster and the reason.
 *
 * <p>With impersonation ({@code approvals.impersonate}), an approved action runs as the approver:
 * its read and patch carry {@code Impersonate-User} / {@code Impersonate-Group} for the Kubernetes
 * identity the policy maps the approver to, so the cluster's RBAC decides and its audit log names
 * the person; an approver without a mapped identity runs nothing. A 403 names the verb, resource
 * and namespace the identity lacks (the API server's own message), and nothing was changed.
 */
public final class KubernetesActionExecutor implements ActionExecutor {
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  private final Map<String, KubernetesClient> clusters;
  private final Clock clock;
  private final Optional<Function<String, Optional<KubeIdentity>>> impersonate;
  private final Operations operations;

  public KubernetesActionExecutor(Map<String, KubernetesClient> clusters) {
    this(clusters, Clock.systemUTC());
  }

  public KubernetesActionExecutor(Map<String, KubernetesClient> clusters, Clock clock) {
    this(clusters, clock, Optional.empty());
  }

  /**
   * @param impersonate when present, approved actions run as the identity it gives for the
   *     approver's qualified chat id (empty: that approver may not act); absent: as Lookout
   */
  public KubernetesActionExecutor(
      Map<String, KubernetesClient> clusters,
      Clock clock,
      Optional<Function<String, Optional<KubeIdentity>>> impersonate) {
    this.clusters = Map.copyOf(clusters);
    this.clock = clock;
    this.impersonate = impersonate;
    this.operations = new Operations(clock);
  }

  /**
   * Runs the action.
   *
   * @return e.g. "restarted deployment staging/checkout: rollout started (generation 4); 0 of 3
   *     pods updated, 2 ready"
   * @throws IllegalStateException when the target is gone or the API server refuses
   * @throws IllegalArgumentException for an unknown cluster or a kind that cannot scale
   */
  @Override
  public String execute(Action action) {
    if (impersonate.isPresent()) {
      throw new IllegalStateException(
          "impersonation is on, so " + action.describe() + " runs only as a named approver");
    }
    return perform(client(action), action);
  }

  /** Runs the action as {@code approvedBy}'s Kubernetes identity when impersonation is on. */
  @Override
  public String execute(Action action, String approvedBy) {
    if (impersonate.isEmpty()) {
      return perform(client(action), action);
    }
    KubeIdentity as =
        impersonate
            .get()
            .apply(approvedBy)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "nothing changed: "
                            + approvedBy
                            + " has no Kubernetes identity in the policy's identities, and"
                            + " impersonation is on"));
    RequestConfig config =
        new RequestConfigBuilder(client(action).getConfiguration().getRequestConfig())
            .withImpersonateUsername(as.user())
            .withImpersonateGroups(as.groups().toArray(String[]::new))
            .build();
    KubernetesClient asApprover = client(action).newClient(config).adapt(KubernetesClient.class);
    return perform(asApprover, action) + " as " + as.user();
  }

  private String perform(KubernetesClient client, Action action) {
    return action instanceof Operation operation
        ? operations.execute(client, operation)
        : describe(action, run(client, action, false));
  }

  /**
   * Validates the action with a server-side dry run ({@code dryRun=All}); nothing changes.
   *
   * @return what will change ("replicas 3 → 5", "rollout restart of 3 pods") and the target now
   * @throws IllegalStateException when the target is gone or the API server refuses
   */
  @Override
  public DryRun dryRun(Action action) {
    if (action instanceof Operation operation) {
      return operations.dryRun(client(action), operation);
    }
    HasMetadata before = run(client(action), action, true).before();
    int replicas = ActionTarget.replicas(before);
    String change =
        switch (action) {
          case RestartDeployment r ->
              "rollout restart of " + replicas + " pod" + (replicas == 1 ? "" : "s");
          case ScaleWorkload s -> "replicas " + replicas + " → " + s.replicas();
          case AlertSilence a -> throw ActionTarget.notOnTheCluster(a);
          case McpToolCall m -> throw ActionTarget.notKubernetes(m);
          case Operation o -> throw new IllegalStateException("handled above: " + o.kind());
        };
    return new DryRun(change, snapshot(before));
  }

  /** The target's current replicas and generation, or empty when it no longer exists. */
  @Override
  public Optional<TargetSnapshot> current(Action action) {
    if (action instanceof Operation operation) {
      return operations.current(client(action), operation);
    }
    ActionTarget target = ActionTarget.of(action);
    HasMetadata object = call(action, "reading", () -> target.resource(client(action)).get());
    return Optional.ofNullable(object).map(KubernetesActionExecutor::snapshot);
  }

  /** The deployment's rollout as its status reports it (restarts only). */
  @Override
  public Optional<Rollout> rollout(Action action) {
    if (!(action instanceof RestartDeployment)) {
      return Optional.empty();
    }
    ActionTarget target = ActionTarget.of(action);
    HasMetadata object = call(action, "reading", () -> target.resource(client(action)).get());
    return object == null ? Optional.empty() : RolloutProgress.rollout(object);
  }

  private static TargetSnapshot snapshot(HasMetadata object) {
    return new TargetSnapshot(ActionTarget.replicas(object), ActionTarget.generation(object));
  }

  private record Patched(HasMetadata before, HasMetadata after) {}

  private Patched run(KubernetesClient client, Action action, boolean dryRun) {
    ActionTarget target = ActionTarget.of(action);
    Resource<? extends HasMetadata> resource = target.resource(client);
    HasMetadata before = call(action, "reading", resource::get);
    if (before == null) {
      throw new IllegalStateException(
          target.ref()
              + " not found in cluster "
              + action.cluster()
              + " (deleted or renamed since it was requested?)");
    }
    String patch =
        switch (action) {
          case RestartDeployment r ->
              Patches.restartedAt(clock.instant().truncatedTo(ChronoUnit.SECONDS));
          case ScaleWorkload s -> Patches.replicas(s.replicas());
          case AlertSilence a -> throw ActionTarget.notOnTheCluster(a);
          case McpToolCall m -> throw ActionTarget.notKubernetes(m);
          case Operation o -> throw new IllegalStateException("handled by Operations: " + o.kind());
        };
    HasMetadata after =
        call(
            action,
            dryRun ? "dry-running" : "patching",
            () ->
                (dryRun ? resource.dryRun() : resource)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    return new Patched(before, after);
  }

  private String describe(Action action, Patched done) {
    ActionTarget target = ActionTarget.of(action);
    return switch (action) {
      case RestartDeployment r ->
          "restarted "
              + target.ref()
              + ": rollout started (generation "
              + ActionTarget.generation(done.after())
              + ")"
              + RolloutProgress.of(done.after()).map(p -> "; " + p).orElse("");
      case ScaleWorkload s ->
          "scaled "
              + target.ref()
              + " from "
              + ActionTarget.replicas(done.before())
              + " to "
              + s.replicas()
              + " replicas";
      case AlertSilence a -> throw ActionTarget.notOnTheCluster(a);
      case McpToolCall m -> throw ActionTarget.notKubernetes(m);
      case Operation o -> throw new IllegalStateException("handled by Operations: " + o.kind());
    };
  }

  private KubernetesClient client(Action action) {
    KubernetesClient client = clusters.get(action.cluster());
    if (client == null) {
      throw new IllegalArgumentException(
          "unknown cluster '"
              + action.cluster()
              + "' for "
              + action.describe()
              + " (known: "
              + String.join(", ", new TreeMap<>(clusters).keySet())
              + ")");
    }
    return client;
  }

  private static <T> T call(Action action, String what, Supplier<T> call) {
    return ApiCalls.call(action, what, call);
  }
}
