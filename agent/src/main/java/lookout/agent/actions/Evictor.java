package lookout.agent.actions;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.approvals.NodeAction;

/**
 * Evicts a node's pods through the Eviction API, which honours PodDisruptionBudgets: the API server
 * refuses (429) an eviction that would leave a budget short, and that pod stays. DaemonSet pods are
 * never evicted (their controller would put them back on the same node) and mirror pods cannot be.
 * Each pod is tried once; blocked evictions are reported with the budget that blocked them, and a
 * drain with any blocked eviction fails, so the card says the node still runs them.
 */
final class Evictor {
  /** The pods of a drain, sorted by what happens to them. */
  record Plan(List<Pod> evict, List<Pod> daemonSet, List<String> unowned, List<String> localData) {}

  private final KubernetesClient client;
  private final NodeAction action;

  Evictor(KubernetesClient client, NodeAction action) {
    this.client = client;
    this.action = action;
  }

  static List<Pod> podsOn(KubernetesClient client, NodeAction action) {
    return ApiCalls.call(
        action,
        "listing the node's pods",
        () ->
            client
                .pods()
                .inAnyNamespace()
                .withField("spec.nodeName", action.name())
                .list()
                .getItems());
  }

  static Plan plan(List<Pod> pods) {
    List<Pod> evict = new ArrayList<>();
    List<Pod> daemonSet = new ArrayList<>();
    List<String> unowned = new ArrayList<>();
    List<String> localData = new ArrayList<>();
    for (Pod pod : pods) {
      if (PodFacts.mirror(pod) || PodFacts.finished(pod)) {
        continue;
      }
      if (PodFacts.ofDaemonSet(pod)) {
        daemonSet.add(pod);
        continue;
      }
      evict.add(pod);
      if (PodFacts.controller(pod).isEmpty()) {
        unowned.add(PodFacts.ref(pod));
      }
      if (PodFacts.localData(pod)) {
        localData.add(PodFacts.ref(pod));
      }
    }
    return new Plan(evict, daemonSet, unowned, localData);
  }

  /** "PodDisruptionBudget prod/payment allows no disruption now (2 pods)", if any would block. */
  static Optional<String> blockedNow(KubernetesClient client, List<Pod> pods) {
    List<String> blocked = new ArrayList<>();
    for (Pod pod : pods) {
      budgetOf(client, pod)
          .filter(b -> b.getStatus() == null || zero(b.getStatus().getDisruptionsAllowed()))
          .ifPresent(b -> blocked.add(PodFacts.ref(pod) + " (" + describe(b) + ")"));
    }
    return blocked.isEmpty()
        ? Optional.empty()
        : Optional.of("budgets would block " + String.join(", ", blocked) + " now");
  }

  /** Evicts every pod the plan evicts, once each; the result line, or throws if any stayed. */
  String drain() {
    Plan plan = plan(podsOn(client, action));
    List<String> evicted = new ArrayList<>();
    List<String> blocked = new ArrayList<>();
    for (Pod pod : plan.evict()) {
      boolean done =
          ApiCalls.call(
              action,
              "evicting " + PodFacts.ref(pod),
              () ->
                  client
                      .pods()
                      .inNamespace(pod.getMetadata().getNamespace())
                      .withName(pod.getMetadata().getName())
                      .evict());
      if (done) {
        evicted.add(PodFacts.ref(pod));
      } else {
        blocked.add(
            PodFacts.ref(pod)
                + budgetOf(client, pod).map(b -> " (" + describe(b) + ")").orElse(""));
      }
    }
    String summary =
        "node "
            + action.name()
            + " cordoned; evicted "
            + evicted.size()
            + " pod"
            + (evicted.size() == 1 ? "" : "s")
            + (evicted.isEmpty() ? "" : " (" + String.join(", ", evicted) + ")")
            + (plan.daemonSet().isEmpty()
                ? ""
                : "; left " + plan.daemonSet().size() + " DaemonSet pod(s)");
    if (!blocked.isEmpty()) {
      throw new IllegalStateException(
          summary
              + "; a PodDisruptionBudget blocked "
              + blocked.size()
              + ": "
              + String.join(", ", blocked)
              + " — the node still runs "
              + (blocked.size() == 1 ? "it" : "them")
              + "; ask again once the budget allows");
    }
    return summary;
  }

  private static Optional<PodDisruptionBudget> budgetOf(KubernetesClient client, Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    if (labels == null || labels.isEmpty()) {
      return Optional.empty();
    }
    return client
        .policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace(pod.getMetadata().getNamespace())
        .list()
        .getItems()
        .stream()
        .filter(b -> selects(b, labels))
        .findFirst();
  }

  private static boolean selects(PodDisruptionBudget budget, Map<String, String> labels) {
    var selector = budget.getSpec() == null ? null : budget.getSpec().getSelector();
    if (selector == null) {
      return true;
    }
    if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
      return false; // only matchLabels are read here; the API server decides either way
    }
    return selector.getMatchLabels() == null
        || selector.getMatchLabels().entrySet().stream()
            .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  private static String describe(PodDisruptionBudget b) {
    var s = b.getStatus();
    return "PodDisruptionBudget "
        + b.getMetadata().getName()
        + (s == null
            ? " has no status yet"
            : " needs "
                + s.getDesiredHealthy()
                + " healthy pods and has "
                + s.getCurrentHealthy()
                + ", allows "
                + s.getDisruptionsAllowed()
                + " disruption(s)");
  }

  private static boolean zero(Integer n) {
    return n == null || n <= 0;
  }
}
