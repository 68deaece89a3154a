package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What keeps new pods off a node the question names: cordoned (spec.unschedulable), taints with
 * NoSchedule/NoExecute effects that are not the kubelet's own condition taints (those are the
 * conditions {@link NodeAnalyzer} reports), and requests close to allocatable (the scheduler fits
 * pods by requests, so a node at 95% cpu requests takes no more). Requests are summed over the
 * facts' pods on the node, which for a Node question are the pods scheduled there.
 */
public final class NodeSchedulingAnalyzer implements Analyzer {
  /** Requests at or above this share of allocatable: new pods with requests will not fit. */
  static final int FULL_PERCENT = 90;

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    ObjectRef target = facts.target();
    if (target == null || !target.kind().equals("Node")) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Node node : NodeAnalyzer.relevant(facts)) {
      String name = Meta.name(node);
      if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
        findings.add(
            Meta.finding(
                    Finding.Severity.WARNING,
                    "NodeCordoned",
                    Meta.ref("Node", node),
                    "node " + name + " is cordoned: the scheduler places no new pods on it",
                    List.of(
                        "node " + name + ": spec.unschedulable=true (kubectl cordon or drain)",
                        Meta.fix("kubectl uncordon " + name + " once its maintenance is over")))
                .build());
      }
      taints(node).ifPresent(findings::add);
      allocation(node, facts.pods()).ifPresent(findings::add);
    }
    return findings;
  }

  private static Optional<Finding> taints(Node node) {
    String name = Meta.name(node);
    List<String> own = new ArrayList<>();
    for (Taint t :
        node.getSpec() == null
            ? List.<Taint>of()
            : Pods.stream(node.getSpec().getTaints()).toList()) {
      boolean kubelets = t.getKey() != null && t.getKey().startsWith("node.kubernetes.io/");
      if (!kubelets && !"PreferNoSchedule".equals(t.getEffect())) {
        own.add(
            t.getKey() + (t.getValue() == null ? "" : "=" + t.getValue()) + ":" + t.getEffect());
      }
    }
    if (own.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Meta.finding(
                Finding.Severity.INFO,
                "NodeTaints",
                Meta.ref("Node", node),
                Evidence.clip(
                    "node "
                        + name
                        + " is tainted "
                        + String.join(", ", own)
                        + ": only pods tolerating that are placed there"),
                List.of(
                    Evidence.names("taints: ", own),
                    Meta.fix(
                        "add a matching toleration to the pods meant for node "
                            + name
                            + ", or remove the taint (kubectl taint node "
                            + name
                            + " "
                            + own.get(0)
                            + "-)")))
            .build());
  }

  private static Optional<Finding> allocation(Node node, List<Pod> pods) {
    String name = Meta.name(node);
    Map<String, Quantity> allocatable =
        node.getStatus() == null ? null : node.getStatus().getAllocatable();
    if (allocatable == null) {
      return Optional.empty();
    }
    List<Pod> here =
        pods.stream().filter(p -> name.equals(Pods.nodeName(p)) && !Pods.finished(p)).toList();
    List<String> full = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (String resource : List.of("cpu", "memory")) {
      Optional<BigDecimal> total = amount(allocatable.get(resource));
      if (total.isEmpty() || total.get().signum() <= 0) {
        continue;
      }
      BigDecimal requested = BigDecimal.ZERO;
      for (Pod p : here) {
        for (Container c : Pods.containers(p)) {
          requested =
              requested.add(
                  Quantities.quantity(c.getResources(), false, resource)
                      .flatMap(NodeSchedulingAnalyzer::amount)
                      .orElse(BigDecimal.ZERO));
        }
      }
      int percent =
          requested
              .multiply(BigDecimal.valueOf(100))
              .divide(total.get(), 0, RoundingMode.HALF_UP)
              .intValue();
      String line =
          resource
              + " requests "
              + show(resource, requested)
              + " of "
              + show(resource, total.get())
              + " allocatable ("
              + percent
              + "%)";
      evidence.add("node " + name + ": " + line);
      if (percent >= FULL_PERCENT) {
        full.add(line);
      }
    }
    Optional<BigDecimal> podCap = amount(allocatable.get("pods"));
    if (podCap.isPresent() && here.size() >= podCap.get().intValue()) {
      full.add(here.size() + " pods of " + podCap.get().intValue() + " allowed");
      evidence.add(
          "node " + name + ": " + here.size() + " pods of " + podCap.get().intValue() + " allowed");
    }
    if (full.isEmpty()) {
      return Optional.empty();
    }
    evidence.add(Evidence.names("pods on it: ", here.stream().map(Pods::ref).toList()));
    evidence.add(
        Meta.fix(
            "lower over-sized requests of the pods on node "
                + name
                + ", move some away, or add nodes: the scheduler fits pods by requests, not by use"));
    return Optional.of(
        Meta.finding(
                Finding.Severity.WARNING,
                "NodeFull",
                Meta.ref("Node", node),
                Evidence.clip("node " + name + " is full by requests: " + String.join("; ", full)),
                evidence)
            .build());
  }

  private static Optional<BigDecimal> amount(Quantity q) {
    if (q == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Quantity.getAmountInBytes(q));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String show(String resource, BigDecimal amount) {
    if (resource.equals("memory")) {
      return Quantities.mebibytes(amount);
    }
    return amount
            .multiply(BigDecimal.valueOf(1000))
            .setScale(0, RoundingMode.HALF_UP)
            .toPlainString()
        + "m";
  }
}
