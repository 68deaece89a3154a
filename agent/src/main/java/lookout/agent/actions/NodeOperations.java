package lookout.agent.actions;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.approvals.DryRun;
import lookout.approvals.NodeAction;
import lookout.approvals.Observed;
import lookout.approvals.TargetSnapshot;

/**
 * Cordon and uncordon set {@code spec.unschedulable} (a JSON merge patch, as {@code kubectl cordon}
 * does); drain cordons, then evicts the node's pods through the Eviction API ({@link Evictor}). The
 * dry run shows the policy the node's labels and, for a drain, the pods that no controller
 * recreates or that keep data in emptyDir. The snapshot is (cordoned 0/1, number of such pods), so
 * a drain approved for a node that has since gained one is not run.
 */
final class NodeOperations implements OperationHandler<NodeAction> {
  @Override
  public DryRun dryRun(KubernetesClient client, NodeAction action) {
    Node node = read(client, action);
    if (action.op() != NodeAction.Op.UNCORDON) {
      cordon(client, action, true, true);
    } else {
      cordon(client, action, false, true);
    }
    Map<String, String> labels =
        node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    if (action.op() != NodeAction.Op.DRAIN) {
      String change =
          (unschedulable(node) ? "unschedulable" : "schedulable")
              + " → "
              + (action.op() == NodeAction.Op.CORDON ? "unschedulable" : "schedulable");
      return new DryRun(
          change, snapshot(node, List.of()), new Observed(labels, List.of(), List.of()));
    }
    List<Pod> pods = Evictor.podsOn(client, action);
    Evictor.Plan plan = Evictor.plan(pods);
    return new DryRun(
        "cordon and evict "
            + plan.evict().size()
            + " pod"
            + (plan.evict().size() == 1 ? "" : "s")
            + (plan.daemonSet().isEmpty()
                ? ""
                : "; " + plan.daemonSet().size() + " DaemonSet pod(s) stay")
            + Evictor.blockedNow(client, plan.evict()).map(b -> "; " + b).orElse(""),
        snapshot(node, pods),
        new Observed(labels, plan.unowned(), plan.localData()));
  }

  @Override
  public Optional<TargetSnapshot> current(KubernetesClient client, NodeAction action) {
    Node node = ApiCalls.call(action, "reading", () -> resource(client, action).get());
    if (node == null) {
      return Optional.empty();
    }
    List<Pod> pods =
        action.op() == NodeAction.Op.DRAIN ? Evictor.podsOn(client, action) : List.of();
    return Optional.of(snapshot(node, pods));
  }

  @Override
  public String execute(KubernetesClient client, NodeAction action) {
    read(client, action);
    return switch (action.op()) {
      case CORDON -> {
        cordon(client, action, true, false);
        yield "cordoned node " + action.name() + ": no new pods are scheduled there";
      }
      case UNCORDON -> {
        cordon(client, action, false, false);
        yield "uncordoned node " + action.name() + ": pods may be scheduled there again";
      }
      case DRAIN -> {
        cordon(client, action, true, false);
        yield new Evictor(client, action).drain();
      }
    };
  }

  private static void cordon(
      KubernetesClient client, NodeAction action, boolean unschedulable, boolean dryRun) {
    String patch = "{\"spec\":{\"unschedulable\":" + unschedulable + "}}";
    Resource<Node> node = resource(client, action);
    ApiCalls.call(
        action,
        dryRun ? "dry-running" : "patching",
        () -> (dryRun ? node.dryRun() : node).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
  }

  private static Node read(KubernetesClient client, NodeAction action) {
    return ApiCalls.found(
        ApiCalls.call(action, "reading", () -> resource(client, action).get()),
        action,
        "node " + action.name());
  }

  private static Resource<Node> resource(KubernetesClient client, NodeAction action) {
    return client.nodes().withName(action.name());
  }

  private static boolean unschedulable(Node node) {
    return node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
  }

  private static TargetSnapshot snapshot(Node node, List<Pod> pods) {
    Evictor.Plan plan = Evictor.plan(pods);
    return new TargetSnapshot(
        unschedulable(node) ? 1 : 0, plan.unowned().size() + plan.localData().size());
  }
}
