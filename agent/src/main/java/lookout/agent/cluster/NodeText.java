package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lookout.agent.text.Ages;

/**
 * A node as one line: {@code node-3 Ready,MemoryPressure cpu=4 memory=15.5Gi pods=58 age=41d
 * kubelet=v1.31.4 taints=node.kubernetes.io/memory-pressure:NoSchedule}.
 */
public final class NodeText {
  private NodeText() {}

  public static String line(Node node, Instant now) {
    StringBuilder sb =
        new StringBuilder(node.getMetadata().getName()).append(' ').append(status(node));
    Map<String, Quantity> capacity =
        node.getStatus() == null ? null : node.getStatus().getCapacity();
    if (capacity != null) {
      if (capacity.containsKey("cpu")) {
        sb.append(" cpu=").append(capacity.get("cpu").toString());
      }
      if (capacity.containsKey("memory")) {
        sb.append(" memory=").append(gib(capacity.get("memory")));
      }
      if (capacity.containsKey("pods")) {
        sb.append(" pods=").append(capacity.get("pods").toString());
      }
    }
    sb.append(" age=").append(Ages.age(node.getMetadata().getCreationTimestamp(), now));
    if (node.getStatus() != null && node.getStatus().getNodeInfo() != null) {
      sb.append(" kubelet=").append(node.getStatus().getNodeInfo().getKubeletVersion());
    }
    List<Taint> taints = node.getSpec() == null ? null : node.getSpec().getTaints();
    if (taints != null && !taints.isEmpty()) {
      sb.append(" taints=")
          .append(
              String.join(
                  ",",
                  taints.stream()
                      .map(
                          t ->
                              t.getKey()
                                  + (t.getValue() == null ? "" : "=" + t.getValue())
                                  + ":"
                                  + t.getEffect())
                      .toList()));
    }
    return Capped.line(sb.toString());
  }

  /** {@code Ready}, {@code NotReady}, plus every pressure condition that is True. */
  public static String status(Node node) {
    List<String> parts = new ArrayList<>();
    List<NodeCondition> conditions =
        node.getStatus() == null
            ? List.of()
            : node.getStatus().getConditions() == null
                ? List.of()
                : node.getStatus().getConditions();
    boolean ready =
        conditions.stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    parts.add(ready ? "Ready" : "NotReady");
    for (NodeCondition c : conditions) {
      if (!"Ready".equals(c.getType()) && "True".equals(c.getStatus())) {
        parts.add(c.getType());
      }
    }
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      parts.add("SchedulingDisabled");
    }
    return String.join(",", parts);
  }

  /** True when the node is not Ready or reports any pressure. */
  public static boolean problem(Node node) {
    return !"Ready".equals(status(node));
  }

  private static String gib(Quantity q) {
    try {
      BigDecimal bytes = q.getNumericalAmount();
      return bytes.divide(BigDecimal.valueOf(1L << 30), 1, RoundingMode.HALF_UP).toPlainString()
          + "Gi";
    } catch (RuntimeException e) {
      return q.toString();
    }
  }
}
