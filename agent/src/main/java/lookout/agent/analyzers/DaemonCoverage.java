package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The nodes a DaemonSet runs no pod on, each with why: a NoSchedule/NoExecute taint its pods do not
 * tolerate (GPU and dedicated pools), a nodeSelector label the node lacks, or the node not Ready.
 * No event or condition says this — the controller simply does not count such nodes as desired — so
 * it is read off the nodes against the pod template. Taints the DaemonSet controller tolerates for
 * every daemon pod (not-ready, unreachable, pressure, unschedulable) are left out.
 */
final class DaemonCoverage {
  private static final Set<String> TOLERATED_BY_CONTROLLER =
      Set.of(
          "node.kubernetes.io/not-ready",
          "node.kubernetes.io/unreachable",
          "node.kubernetes.io/disk-pressure",
          "node.kubernetes.io/memory-pressure",
          "node.kubernetes.io/pid-pressure",
          "node.kubernetes.io/unschedulable",
          "node.kubernetes.io/network-unavailable");

  private DaemonCoverage() {}

  /** "node-b: taint nvidia.com/gpu=present:NoSchedule not tolerated", one line per node. */
  static List<String> uncovered(ClusterFacts facts, DaemonSet ds) {
    Set<String> covered =
        Controllers.pods(facts, "DaemonSet", Meta.name(ds)).stream()
            .map(Pods::nodeName)
            .filter(n -> n != null && !n.isBlank())
            .collect(Collectors.toSet());
    Pod template =
        new PodBuilder()
            .withMetadata(ds.getSpec().getTemplate().getMetadata())
            .withSpec(ds.getSpec().getTemplate().getSpec())
            .build();
    List<String> out = new ArrayList<>();
    for (Node node : facts.nodes()) {
      String name = node.getMetadata().getName();
      if (covered.contains(name)) {
        continue;
      }
      List<String> why = new ArrayList<>();
      Placement.untolerated(template, List.of(node)).getOrDefault(name, List.of()).stream()
          .filter(t -> !TOLERATED_BY_CONTROLLER.contains(t.getKey()))
          .map(Placement::text)
          .forEach(t -> why.add("taint " + t + " not tolerated"));
      Placement.unmatchedSelector(template, List.of(node))
          .forEach(s -> why.add("no label " + s + " for its nodeSelector"));
      if (!ready(node)) {
        why.add("node is not Ready");
      }
      out.add(
          name
              + ": "
              + (why.isEmpty() ? "no daemon pod (reason not visible)" : String.join("; ", why)));
    }
    return out;
  }

  private static boolean ready(Node node) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return true;
    }
    return node.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .map(NodeCondition::getStatus)
        .findFirst()
        .map("True"::equals)
        .orElse(true);
  }
}
