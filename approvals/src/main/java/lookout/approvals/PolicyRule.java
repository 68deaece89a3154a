package lookout.approvals;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One rule of a {@link Policy}. Selectors ({@code clusters}, {@code namespaces}, {@code actions})
 * say which actions the rule is about; the rest says who may do what with them. Defaults are
 * already applied by the loader.
 *
 * @param label the rule's {@code name}, or its position ({@code rules[2]}) — used in messages
 * @param clusters globs; {@code *} matches every cluster
 * @param namespaces globs
 * @param actions action kinds ({@code restart}, {@code scale}) and MCP tool patterns ({@code
 *     mcp:<server>/<tool>}, globs allowed)
 * @param requesters who may ask: {@code *}, {@code group:<name>} or qualified ids; empty = nobody
 * @param approvers who may approve or reject: same forms, never empty
 * @param maxReplicas upper bound for scale actions, if any
 * @param allowScaleToZero whether a scale action may set replicas to 0
 * @param selfApproval whether the requester may approve their own request
 * @param ttl how long a request under this rule stays pending
 * @param requiredApprovals how many distinct approvers must approve before the action runs (≥ 1)
 */
public record PolicyRule(
    String label,
    List<String> clusters,
    List<String> namespaces,
    Set<String> actions,
    List<String> requesters,
    List<String> approvers,
    OptionalInt maxReplicas,
    boolean allowScaleToZero,
    boolean selfApproval,
    Duration ttl,
    int requiredApprovals) {
  public PolicyRule {
    Objects.requireNonNull(label, "label");
    clusters = List.copyOf(clusters);
    namespaces = List.copyOf(namespaces);
    actions = Set.copyOf(actions);
    requesters = List.copyOf(requesters);
    approvers = List.copyOf(approvers);
    Objects.requireNonNull(maxReplicas, "maxReplicas");
    Objects.requireNonNull(ttl, "ttl");
    if (requiredApprovals < 1) {
      throw new IllegalArgumentException(
          "requiredApprovals must be >= 1, got " + requiredApprovals);
    }
  }

  /** True when this rule is about {@code kind} on the given cluster and namespace. */
  public boolean covers(String kind, String cluster, String namespace) {
    return coversKind(kind)
        && Glob.matchesAny(clusters, cluster)
        && Glob.matchesAny(namespaces, namespace);
  }

  private boolean coversKind(String kind) {
    if (!kind.startsWith(ActionCodec.MCP)) {
      return actions.contains(kind);
    }
    for (String pattern : actions) {
      if (pattern.startsWith(ActionCodec.MCP) && Glob.matches(pattern, kind)) {
        return true;
      }
    }
    return false;
  }

  /** True when this rule is about the given action. */
  public boolean covers(Action action) {
    return covers(action.kind(), action.cluster(), action.namespace());
  }

  /** True when every action on every cluster and namespace is covered (later rules are dead). */
  boolean coversEverything(Set<String> allKinds) {
    return clusters.contains(UserIds.ANYONE)
        && namespaces.contains(UserIds.ANYONE)
        && actions.containsAll(allKinds);
  }
}
