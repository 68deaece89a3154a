package lookout.approvals;

import java.util.List;

/**
 * The policy's limits for {@link Operation}s: how many pods a clean-up may delete, which nodes may
 * be cordoned or drained (by label), and whether pods no controller recreates, or that keep data in
 * emptyDir, may be removed. The first is known from the action; the rest only once the dry run has
 * looked at the cluster.
 */
final class OperationPolicy {
  private static final int LISTED = 5;

  private OperationPolicy() {}

  /**
   * @throws PolicyException naming the reason and the rule
   */
  static void checkRequest(Operation operation, PolicyRule rule) {
    if (operation instanceof CleanupEvicted cleanup && cleanup.max() > rule.limits().maxPods()) {
      throw new PolicyException(
          "deleting up to "
              + cleanup.max()
              + " pods exceeds the limit of "
              + rule.limits().maxPods()
              + " in "
              + cleanup.namespace()
              + " (policy rule "
              + rule.label()
              + ", maxPods)");
    }
  }

  /**
   * @throws PolicyException naming the reason and the rule
   */
  static void checkObserved(Operation operation, PolicyRule rule, Observed observed) {
    OperationLimits limits = rule.limits();
    String where = " (policy rule " + rule.label() + ", ";
    if (operation instanceof NodeAction node
        && !limits.nodeSelector().matches(observed.nodeLabels())) {
      throw new PolicyException(
          "node "
              + node.name()
              + " does not match the nodes this rule lets you "
              + node.kind()
              + " ("
              + limits.nodeSelector().text()
              + ")"
              + where
              + "nodeSelector)");
    }
    if (!observed.unowned().isEmpty() && !limits.allowUnowned()) {
      throw new PolicyException(
          listed(observed.unowned())
              + (observed.unowned().size() == 1 ? " has" : " have")
              + " no controller, so nothing would recreate "
              + (observed.unowned().size() == 1 ? "it" : "them")
              + where
              + "allowUnowned is false)");
    }
    if (!observed.localData().isEmpty() && !limits.drainLocalData()) {
      throw new PolicyException(
          listed(observed.localData())
              + " keep"
              + (observed.localData().size() == 1 ? "s" : "")
              + " data in emptyDir, which eviction deletes"
              + where
              + "drainLocalData is false)");
    }
  }

  private static String listed(List<String> pods) {
    String shown = String.join(", ", pods.subList(0, Math.min(LISTED, pods.size())));
    return (pods.size() == 1 ? "pod " : "pods ")
        + shown
        + (pods.size() > LISTED ? " and " + (pods.size() - LISTED) + " more" : "");
  }
}
