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
 * @param maxSilence the longest silence anyone may ask for under this rule
 * @param silenceAlone the longest silence an approver may create alone, with no second approver; a
 *     longer one is a request that needs {@code requiredApprovals} approvals like a restart
 * @param limits the limits for {@link Operation}s: nodes, node selector, pod counts, unowned pods
 *     and local data
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
    int requiredApprovals,
    Duration maxSilence,
    Duration silenceAlone,
    OperationLimits limits) {
  /** Silences up to 4 hours need no second approver unless a rule says otherwise. */
  public static final Duration DEFAULT_SILENCE_ALONE = Duration.ofHours(4);

  /** The longest silence a rule allows unless it says otherwise. */
  public static final Duration DEFAULT_MAX_SILENCE = Duration.ofDays(7);

  /** A rule with the default silence limits. */
  public PolicyRule(
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
    this(
        label,
        clusters,
        namespaces,
        actions,
        requesters,
        approvers,
        maxReplicas,
        allowScaleToZero,
        selfApproval,
        ttl,
        requiredApprovals,
        DEFAULT_MAX_SILENCE,
        DEFAULT_SILENCE_ALONE);
  }

  /** A rule with the default limits for {@link Operation}s. */
  public PolicyRule(
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
      int requiredApprovals,
      Duration maxSilence,
      Duration silenceAlone) {
    this(
        label,
        clusters,
        namespaces,
        actions,
        requesters,
        approvers,
        maxReplicas,
        allowScaleToZero,
        selfApproval,
        ttl,
        requiredApprovals,
        maxSilence,
        silenceAlone,
        OperationLimits.DEFAULTS);
  }

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
    Objects.requireNonNull(maxSilence, "maxSilence");
    Objects.requireNonNull(silenceAlone, "silenceAlone");
    Objects.requireNonNull(limits, "limits");
  }

  /**
   * True when this rule is about {@code kind} on the given cluster and namespace. Node actions
   * (namespace empty) are covered only by rules with {@code nodes}; see {@link #covers(String,
   * String, String, String)} for the node's name.
   */
  public boolean covers(String kind, String cluster, String namespace) {
    if (Operation.NODE_KINDS.contains(kind)) {
      return coversKind(kind) && !limits.nodes().isEmpty() && Glob.matchesAny(clusters, cluster);
    }
    return coversKind(kind)
        && Glob.matchesAny(clusters, cluster)
        && Glob.matchesAny(namespaces, namespace);
  }

  /** As {@link #covers(String, String, String)}, and for node actions the node's name too. */
  public boolean covers(String kind, String cluster, String namespace, String name) {
    return covers(kind, cluster, namespace)
        && (!Operation.NODE_KINDS.contains(kind) || Glob.matchesAny(limits.nodes(), name));
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
    return covers(action.kind(), action.cluster(), action.namespace(), action.name());
  }

  /**
   * True when the rule covers its actions on every cluster and every namespace (or, for a nodes
   * rule, every node with no label selector): later rules about the same actions are dead.
   */
  boolean coversEverywhere() {
    if (!clusters.contains(UserIds.ANYONE)) {
      return false;
    }
    return limits.nodes().isEmpty()
        ? namespaces.contains(UserIds.ANYONE)
        : limits.nodes().contains(UserIds.ANYONE) && limits.nodeSelector().requirements().isEmpty();
  }
}
