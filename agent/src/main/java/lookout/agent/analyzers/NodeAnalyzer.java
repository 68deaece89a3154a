package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lookout.approvals.NodeAction;

/**
 * Nodes whose conditions hurt the pods on them: NotReady (the kubelet reports a reason) or Unknown
 * (the node lifecycle controller's "Kubelet stopped posting node status."), memory, disk or PID
 * pressure (the kubelet evicts), NetworkUnavailable. Only nodes that matter to the question: the
 * target node, the nodes the facts' pods run on, or every node for a cluster-wide look (no target,
 * no pods). A NotReady node hosting none of the pods is not the cause of their trouble. A NotReady
 * node that still takes pods is offered for cordoning.
 */
public final class NodeAnalyzer implements Analyzer {
  private static final List<String> PRESSURES =
      List.of("MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable");
  private static final Set<String> EVENTS =
      Set.of(
          "NodeNotReady",
          "NodeHasDiskPressure",
          "NodeHasInsufficientMemory",
          "NodeHasInsufficientPID",
          "EvictionThresholdMet",
          "FreeDiskSpaceFailed",
          "ImageGCFailed",
          "Rebooted",
          "SystemOOM",
          "ContainerGCFailed");

  private final Clock clock;

  public NodeAnalyzer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (Node node : relevant(facts)) {
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

  /** The target node; else the nodes the pods run on; else, with no pods and no target, all. */
  static List<Node> relevant(ClusterFacts facts) {
    ObjectRef target = facts.target();
    if (target != null && target.kind().equals("Node")) {
      return facts.nodes().stream().filter(n -> target.name().equals(Meta.name(n))).toList();
    }
    List<Pod> running = facts.pods().stream().filter(p -> !Pods.finished(p)).toList();
    if (running.isEmpty() && target == null) {
      return facts.nodes();
    }
    Set<String> used = new java.util.HashSet<>();
    running.forEach(p -> used.add(Pods.nodeName(p)));
    return facts.nodes().stream().filter(n -> used.contains(Meta.name(n))).toList();
  }

  private Finding finding(
      ClusterFacts facts,
      Node node,
      Optional<NodeCondition> ready,
      boolean notReady,
      List<NodeCondition> pressure) {
    String name = Meta.name(node);
    List<String> evidence = new ArrayList<>();
    ready.filter(c -> notReady).ifPresent(c -> evidence.add(conditionLine(name, c)));
    if (ready.isEmpty()) {
      evidence.add("node " + name + ": no Ready condition reported");
    }
    pressure.forEach(c -> evidence.add(conditionLine(name, c)));
    List<String> taints = new ArrayList<>();
    for (Taint t :
        node.getSpec() == null
            ? List.<Taint>of()
            : Pods.stream(node.getSpec().getTaints()).toList()) {
      taints.add(
          t.getKey() + (t.getValue() == null ? "" : "=" + t.getValue()) + ":" + t.getEffect());
    }
    if (!taints.isEmpty()) {
      evidence.add(Evidence.names("taints: ", taints));
    }
    List<Pod> pods = facts.pods().stream().filter(p -> name.equals(Pods.nodeName(p))).toList();
    if (!pods.isEmpty()) {
      evidence.add(Evidence.names("pods on it: ", pods.stream().map(Pods::ref).toList()));
    }
    evidence.addAll(
        EventLines.lines(
            EventLines.about(facts.events(), "Node", null, name, EVENTS, null), clock));
    evidence.add(Meta.fix(fix(name, ready, notReady, pressure)));
    String cause = notReady ? notReadyCause(ready) : pressureCause(pressure);
    String summary =
        "node "
            + name
            + " is "
            + cause
            + (pods.isEmpty()
                ? ""
                : "; " + pods.size() + (pods.size() == 1 ? " pod runs" : " pods run") + " on it");
    Finding.Builder b =
        Meta.finding(
                notReady ? Finding.Severity.CRITICAL : Finding.Severity.WARNING,
                notReady ? "NodeNotReady" : "NodePressure",
                Meta.ref("Node", node),
                Evidence.clip(summary),
                evidence)
            .affects(ServiceAnalyzer.pods(pods));
    if (notReady && !unschedulable(node)) {
      // keep new pods off it while someone looks; draining is a second, separate decision
      b.suggest(new NodeAction(facts.cluster(), name, NodeAction.Op.CORDON));
    }
    return b.build();
  }

  private static boolean unschedulable(Node node) {
    return node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
  }

  private String notReadyCause(Optional<NodeCondition> ready) {
    if (ready.isEmpty()) {
      return "NotReady (no Ready condition)";
    }
    NodeCondition c = ready.get();
    if ("Unknown".equals(c.getStatus())) {
      String heartbeat = Evidence.ago(clock, c.getLastHeartbeatTime());
      return "NotReady: the kubelet stopped posting node status"
          + (heartbeat.isEmpty() ? "" : " (last heartbeat " + heartbeat + ")");
    }
    return "NotReady"
        + (c.getMessage() == null || c.getMessage().isBlank() ? "" : ": " + c.getMessage());
  }

  private static String pressureCause(List<NodeCondition> pressure) {
    return "under " + String.join(", ", pressure.stream().map(NodeCondition::getType).toList());
  }

  private static String fix(
      String node, Optional<NodeCondition> ready, boolean notReady, List<NodeCondition> pressure) {
    if (notReady) {
      String message = ready.map(NodeCondition::getMessage).orElse("").toLowerCase(Locale.ROOT);
      if (ready.map(c -> "Unknown".equals(c.getStatus())).orElse(true)) {
        return "check node "
            + node
            + " itself: is the machine up, is the kubelet running (systemctl status kubelet;"
            + " journalctl -u kubelet), can it reach the API server; its pods are evicted once the"
            + " unreachable toleration (300s by default) runs out";
      }
      if (message.contains("cni") || message.contains("network")) {
        return "fix the network plugin on node "
            + node
            + ": its CNI pod (DaemonSet) there and /etc/cni/net.d";
      }
      if (message.contains("pleg") || message.contains("runtime")) {
        return "check the container runtime on node "
            + node
            + " (systemctl status containerd; crictl ps), then the kubelet log";
      }
      return "read the kubelet log on node "
          + node
          + " (journalctl -u kubelet) for the reason above";
    }
    return switch (pressure.get(0).getType()) {
      case "MemoryPressure" ->
          "free memory on node "
              + node
              + ": the kubelet evicts pods using most above their request; set memory requests/limits and move or shrink the biggest consumers";
      case "DiskPressure" ->
          "free disk on node "
              + node
              + ": unused images (crictl rmi --prune), container logs and emptyDir data, or grow the disk";
      case "PIDPressure" ->
          "find the process leaking PIDs or threads on node " + node + " and set a pod PID limit";
      default -> "check the network plugin and cloud routes of node " + node;
    };
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
