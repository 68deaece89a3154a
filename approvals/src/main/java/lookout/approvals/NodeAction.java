package lookout.approvals;

import java.util.Locale;
import java.util.Objects;

/**
 * Cordon, uncordon or drain a node. Nodes are cluster-scoped: {@link #namespace()} is empty and
 * only policy rules with {@code nodes} cover these.
 */
public record NodeAction(String cluster, String name, Op op) implements Operation {
  /** What is done to the node. */
  public enum Op {
    /** Mark unschedulable: no new pods land there. */
    CORDON,
    /** Mark schedulable again. */
    UNCORDON,
    /** Cordon, then evict its pods through the Eviction API (PodDisruptionBudgets decide). */
    DRAIN;

    String kind() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public NodeAction {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(op, "op");
  }

  @Override
  public String namespace() {
    return "";
  }

  @Override
  public String kind() {
    return op.kind();
  }

  @Override
  public String describe() {
    return op.kind() + " node " + name;
  }
}
