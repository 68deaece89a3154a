package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pods bound to a node that is NotReady or unreachable: they stop being served (and, after the
 * node's NoExecute taint, get evicted or hang in Terminating). The node is blamed, so a finding
 * about the node itself ranks as the deeper cause. Pods on healthy nodes are never blamed on
 * another node.
 */
public final class NodeLostAnalyzer implements Analyzer {
  private final Clock clock;

  public NodeLostAnalyzer(Clock clock) {
    this.clock = clock;
  }

  private record Hit(Pod pod, Node node, NodeCondition ready) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      if (Pods.finished(pod) || Pods.nodeName(pod) == null) {
        continue;
      }
      Optional<Node> node = PodContext.node(facts, pod);
      if (node.isEmpty() || node.get().getStatus() == null) {
        continue;
      }
      Optional<NodeCondition> ready =
          Pods.stream(node.get().getStatus().getConditions())
              .filter(c -> "Ready".equals(c.getType()))
              .findFirst();
      if (ready.isPresent() && !"True".equals(ready.get().getStatus())) {
        hits.add(new Hit(pod, node.get(), ready.get()));
      }
    }
    Comparator<Hit> any = Comparator.comparing(h -> Pods.name(h.pod()));
    return PodGroup.of(hits, Hit::pod, h -> h.node().getMetadata().getName(), any).stream()
        .map(this::finding)
        .toList();
  }

  private Finding finding(PodGroup<Hit> group) {
    Hit hit = group.worst();
    String node = hit.node().getMetadata().getName();
    NodeCondition ready = hit.ready();
    String state = "Unknown".equals(ready.getStatus()) ? "unreachable (Ready=Unknown)" : "NotReady";
    String why =
        ready.getMessage() == null || ready.getMessage().isBlank()
            ? Evidence.orDash(ready.getReason())
            : ready.getMessage();
    String since = Evidence.ago(clock, ready.getLastTransitionTime());
    int n = group.others().size() + 1;
    return Finding.builder(Finding.Severity.CRITICAL, "NodeLost", Pods.refOf(hit.pod()))
        .reason("NodeNotReady")
        .affects(group.pods(Hit::pod))
        .blames(ObjectRef.node(node))
        .query("node not ready pods unavailable kubelet stopped posting node status")
        .summary(
            "is unavailable: "
                + n
                + (n == 1 ? " pod runs" : " pods run")
                + " on node "
                + node
                + ", which is "
                + state
                + (since.isEmpty() ? "" : " since " + since)
                + " — "
                + why)
        .evidence(
            "pod " + Pods.ref(hit.pod()) + ": phase " + Pods.phase(hit.pod()) + ", node " + node)
        .evidence(
            "node "
                + node
                + ": Ready="
                + ready.getStatus()
                + " ("
                + Evidence.orDash(ready.getReason())
                + ": "
                + why
                + ")")
        .fix(
            "bring node "
                + node
                + " back (its kubelet and network); pods of a Deployment are recreated elsewhere once the node is tainted unreachable")
        .fix(
            "if the node is gone for good, delete it (kubectl delete node "
                + node
                + ") so StatefulSet pods and volumes can move")
        .build();
  }
}
