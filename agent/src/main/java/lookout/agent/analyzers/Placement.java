package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the scheduler weighs, read from the pod and the nodes: requests, taints and tolerations,
 * node selectors and required node affinity, host ports.
 */
final class Placement {
  private Placement() {}

  /** The pod's total request of {@code resource} (app containers summed, init containers' max). */
  static Optional<BigDecimal> request(Pod pod, String resource) {
    if (pod.getSpec() == null) {
      return Optional.empty();
    }
    BigDecimal sum = BigDecimal.ZERO;
    boolean any = false;
    for (Container c : Pods.stream(pod.getSpec().getContainers()).toList()) {
      Optional<BigDecimal> v = amount(Quantities.quantity(c.getResources(), false, resource));
      if (v.isPresent()) {
        sum = sum.add(v.get());
        any = true;
      }
    }
    for (Container c : Pods.stream(pod.getSpec().getInitContainers()).toList()) {
      Optional<BigDecimal> v = amount(Quantities.quantity(c.getResources(), false, resource));
      if (v.isPresent() && v.get().compareTo(sum) > 0) {
        sum = v.get();
        any = true;
      }
    }
    return any ? Optional.of(sum) : Optional.empty();
  }

  /** The largest allocatable {@code resource} among {@code nodes}. */
  static Optional<BigDecimal> largestAllocatable(List<Node> nodes, String resource) {
    return nodes.stream()
        .map(
            n ->
                n.getStatus() == null || n.getStatus().getAllocatable() == null
                    ? null
                    : n.getStatus().getAllocatable().get(resource))
        .map(q -> amount(Optional.ofNullable(q)))
        .flatMap(Optional::stream)
        .max(BigDecimal::compareTo);
  }

  /** "2", "500m", "4Gi": a resource amount the way people write it. */
  static String text(String resource, BigDecimal amount) {
    if (resource.equals("memory") || resource.contains("storage")) {
      return Quantities.mebibytes(amount);
    }
    if (resource.equals("cpu") && amount.scale() > 0 && amount.stripTrailingZeros().scale() > 0) {
      return amount.multiply(BigDecimal.valueOf(1000)).setScale(0, java.math.RoundingMode.HALF_UP)
          + "m";
    }
    return amount.stripTrailingZeros().toPlainString();
  }

  /** Taints with NoSchedule or NoExecute that no toleration of the pod tolerates, by node. */
  static Map<String, List<Taint>> untolerated(Pod pod, List<Node> nodes) {
    List<Toleration> tolerations =
        pod.getSpec() == null ? List.of() : Pods.stream(pod.getSpec().getTolerations()).toList();
    Map<String, List<Taint>> out = new LinkedHashMap<>();
    for (Node n : nodes) {
      if (n.getSpec() == null || n.getSpec().getTaints() == null) {
        continue;
      }
      List<Taint> bad = new ArrayList<>();
      for (Taint t : n.getSpec().getTaints()) {
        if ("PreferNoSchedule".equals(t.getEffect())) {
          continue;
        }
        if (tolerations.stream().noneMatch(tol -> tolerates(tol, t))) {
          bad.add(t);
        }
      }
      if (!bad.isEmpty()) {
        out.put(n.getMetadata().getName(), bad);
      }
    }
    return out;
  }

  static boolean tolerates(Toleration tol, Taint taint) {
    if (tol.getEffect() != null
        && !tol.getEffect().isEmpty()
        && !tol.getEffect().equals(taint.getEffect())) {
      return false;
    }
    boolean exists = "Exists".equals(tol.getOperator());
    if (tol.getKey() == null || tol.getKey().isEmpty()) {
      return exists;
    }
    if (!tol.getKey().equals(taint.getKey())) {
      return false;
    }
    return exists || java.util.Objects.equals(nz(tol.getValue()), nz(taint.getValue()));
  }

  /** "dedicated=gpu:NoSchedule". */
  static String text(Taint t) {
    return t.getKey()
        + (nz(t.getValue()).isEmpty() ? "" : "=" + t.getValue())
        + ":"
        + t.getEffect();
  }

  /** The pod's nodeSelector and required node-affinity terms as "key=value" / "key In (a,b)". */
  static List<String> nodeRequirements(Pod pod) {
    List<String> out = new ArrayList<>();
    if (pod.getSpec() == null) {
      return out;
    }
    if (pod.getSpec().getNodeSelector() != null) {
      pod.getSpec().getNodeSelector().forEach((k, v) -> out.add(k + "=" + v));
    }
    var affinity = pod.getSpec().getAffinity();
    if (affinity != null
        && affinity.getNodeAffinity() != null
        && affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
      for (NodeSelectorTerm term :
          Pods.stream(
                  affinity
                      .getNodeAffinity()
                      .getRequiredDuringSchedulingIgnoredDuringExecution()
                      .getNodeSelectorTerms())
              .toList()) {
        for (NodeSelectorRequirement r : Pods.stream(term.getMatchExpressions()).toList()) {
          out.add(
              r.getKey()
                  + " "
                  + r.getOperator()
                  + (r.getValues() == null || r.getValues().isEmpty()
                      ? ""
                      : " (" + String.join(",", r.getValues()) + ")"));
        }
      }
    }
    return out;
  }

  /** Which of the pod's nodeSelector labels no node has. */
  static List<String> unmatchedSelector(Pod pod, List<Node> nodes) {
    List<String> out = new ArrayList<>();
    if (pod.getSpec() == null || pod.getSpec().getNodeSelector() == null) {
      return out;
    }
    pod.getSpec()
        .getNodeSelector()
        .forEach(
            (k, v) -> {
              boolean any =
                  nodes.stream()
                      .anyMatch(
                          n ->
                              n.getMetadata().getLabels() != null
                                  && v.equals(n.getMetadata().getLabels().get(k)));
              if (!any) {
                out.add(k + "=" + v);
              }
            });
    return out;
  }

  /**
   * The node a pod is pinned to by a required node-affinity term on {@code metadata.name} (what the
   * DaemonSet controller writes into each of its pods), or {@code spec.nodeName}'s wish.
   */
  static Optional<String> pinnedNode(Pod pod) {
    var affinity = pod.getSpec() == null ? null : pod.getSpec().getAffinity();
    if (affinity == null
        || affinity.getNodeAffinity() == null
        || affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
      return Optional.empty();
    }
    return Pods.stream(
            affinity
                .getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms())
        .flatMap(t -> Pods.stream(t.getMatchFields()))
        .filter(r -> "metadata.name".equals(r.getKey()) && "In".equals(r.getOperator()))
        .filter(r -> r.getValues() != null && r.getValues().size() == 1)
        .map(r -> r.getValues().getFirst())
        .findFirst();
  }

  /** The host ports the pod asks for. */
  static List<Integer> hostPorts(Pod pod) {
    List<Integer> out = new ArrayList<>();
    for (Container c : Pods.containers(pod)) {
      Pods.stream(c.getPorts())
          .filter(p -> p.getHostPort() != null && p.getHostPort() > 0)
          .forEach(p -> out.add(p.getHostPort()));
    }
    return out;
  }

  private static Optional<BigDecimal> amount(Optional<Quantity> q) {
    try {
      return q.map(Quantity::getNumericalAmount);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
