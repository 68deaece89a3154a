package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Nodes that are not Ready or report memory, disk or PID pressure, with the pods of the facts that
 * run on them (those pods get evicted or stop being served).
 */
public final class NodePressureAnalyzer implements Analyzer {
  static final List<String> PRESSURES = List.of("MemoryPressure", "DiskPressure", "PIDPressure");

  private final Clock clock;

  public NodePressureAnalyzer(Clock clock) {
    this.clock = clock;
  }

  public NodePressureAnalyzer() {
    this(Clock.systemUTC());
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (Node node : facts.nodes()) {
      if (node.getMetadata() == null || node.getMetadata().getName() == null) {
        continue;
      }
      List<NodeCondition> conditions =
          node.getStatus() == null
              ? List.of()
              : Pods.stream(node.getStatus().getConditions()).toList();
      Optional<NodeCondition> ready =
          conditions.stream().filter(c -> "Ready".equals(c.getType())).findFirst();
      boolean notReady = ready.isEmpty() || !"True".equals(ready.get().getStatus());
      List<NodeCondition> pressure =
          conditions.stream()
              .filter(c -> PRESSURES.contains(c.getType()) && "True".equals(c.getStatus()))
              .toList();
      if (notReady || !pressure.isEmpty()) {
        findings.add(finding(facts, node, ready, notReady, pressure));
      }
    }
    return findings;
  }

  private Finding finding(
      ClusterFacts facts,
      Node node,
      Optional<NodeCondition> ready,
      boolean notReady,
      List<NodeCondition> pressure) {
    String name = node.getMetadata().getName();
    List<String> problems = new ArrayList<>();
    if (notReady) {
      problems.add("NotReady");
    }
    pressure.forEach(c -> problems.add(c.getType()));

    List<String> evidence = new ArrayList<>();
    if (notReady) {
      evidence.add(
          ready
              .map(c -> conditionLine(name, c))
              .orElse("node " + name + ": no Ready condition reported"));
    }
    pressure.forEach(c -> evidence.add(conditionLine(name, c)));
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      evidence.add("node " + name + ": cordoned (unschedulable)");
    }
    List<Pod> pods = facts.pods().stream().filter(p -> name.equals(Pods.nodeName(p))).toList();
    if (!pods.isEmpty()) {
      evidence.add(Evidence.names("pods on it: ", pods.stream().map(Pods::ref).toList()));
    }
    evidence.addAll(
        EventLines.lines(
            EventLines.about(facts.events(), "Node", null, name, Set.of(), null), clock));
    if (!pressure.isEmpty()) {
      evidence.add(
          "hint: under pressure the kubelet evicts pods; find the biggest consumers on the node"
              + " (kubectl top pods, image and log disk usage)");
    }
    String summary =
        "node "
            + name
            + " is "
            + String.join(", ", problems)
            + (pods.isEmpty()
                ? ""
                : "; " + pods.size() + (pods.size() == 1 ? " pod runs" : " pods run") + " on it");
    Finding.Severity severity = notReady ? Finding.Severity.CRITICAL : Finding.Severity.WARNING;
    return new Finding(
        severity, "NodePressure", "node " + name, Evidence.clip(summary), evidence, List.of());
  }

  private String conditionLine(String node, NodeCondition c) {
    String why =
        c.getReason() == null
            ? ""
            : " ("
                + c.getReason()
                + (c.getMessage() == null || c.getMessage().isBlank() ? "" : ": " + c.getMessage())
                + ")";
    String since = Evidence.ago(clock, c.getLastTransitionTime());
    return Evidence.clip(
        "node "
            + node
            + ": "
            + c.getType()
            + "="
            + Evidence.orDash(c.getStatus())
            + why
            + (since.isEmpty() ? "" : " since " + since));
  }
}
