package lookout.approvals;

import java.util.List;
import java.util.Objects;

/**
 * A rule's limits for {@link Operation}s.
 *
 * @param nodes node-name globs of a {@code nodes} rule (empty: the rule is about namespaces)
 * @param nodeSelector the nodes a drain, cordon or uncordon may touch, by label
 * @param maxPods the most pods one clean-up may delete
 * @param allowUnowned whether pods no controller recreates may be deleted or evicted
 * @param drainLocalData whether a drain may evict pods that keep data in emptyDir
 */
public record OperationLimits(
    List<String> nodes,
    NodeSelector nodeSelector,
    int maxPods,
    boolean allowUnowned,
    boolean drainLocalData) {
  /** What a rule allows unless it says otherwise. */
  public static final int DEFAULT_MAX_PODS = 100;

  public static final OperationLimits DEFAULTS =
      new OperationLimits(List.of(), NodeSelector.ANY, DEFAULT_MAX_PODS, false, false);

  public OperationLimits {
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(nodeSelector, "nodeSelector");
  }
}
