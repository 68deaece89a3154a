package lookout.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code rules:} list of a policy file, recording problems in {@link PolicyFields}. */
final class RuleReader {
  private static final Set<String> RULE_KEYS =
      PolicyLoader.orderedSet(
          "name",
          "clusters",
          "namespaces",
          "actions",
          "requesters",
          "approvers",
          "maxReplicas",
          "allowScaleToZero",
          "selfApproval",
          "ttl",
          "approvals",
          "maxSilence",
          "silenceAlone",
          "nodes",
          "nodeSelector",
          "maxPods",
          "allowUnowned",
          "drainLocalData");

  /** Alertmanager sets no limit; a quarter of a year is longer than any silence should be. */
  static final Duration MAX_SILENCE = Duration.ofDays(90);

  static final int MAX_APPROVALS = 10;
  private static final Pattern CLUSTER_GLOB = Pattern.compile("[A-Za-z0-9._*?-]+");
  private static final Pattern NAMESPACE_GLOB = Pattern.compile("[a-z0-9*?][a-z0-9.*?-]*");
  private static final int MAX_PODS = 10_000;
  // mcp:<server>/<tool>, each part letters, digits, '_', '.', '-' or wildcards
  private static final Pattern MCP_PATTERN =
      Pattern.compile("mcp:[A-Za-z0-9_.*?-]{1,64}/[A-Za-z0-9_.*?-]{1,64}");

  private final PolicyFields fields;
  private final Set<String> groupNames;
  private final Map<String, List<String>> groups;
  private final Duration defaultTtl;
  private final boolean defaultSelfApproval;

  RuleReader(
      PolicyFields fields,
      Map<String, List<String>> groups,
      Duration defaultTtl,
      boolean selfApproval) {
    this.fields = fields;
    this.groups = groups;
    this.groupNames = groups.keySet();
    this.defaultTtl = defaultTtl;
    this.defaultSelfApproval = selfApproval;
  }

  List<PolicyRule> readAll(JsonNode node) {
    List<PolicyRule> rules = new ArrayList<>();
    if (PolicyFields.absent(node) || !node.isArray() || node.isEmpty()) {
      String got =
          PolicyFields.absent(node) ? "missing" : PolicyFields.show(node) + " is not allowed";
      fields.error(
          "rules",
          got
              + " — expected a non-empty list of rules, each with at least"
              + " namespaces and approvers");
      return rules;
    }
    // kinds an earlier rule already takes for every cluster and namespace (or node): a later rule
    // about only those can never match (first match wins)
    java.util.Map<String, String> taken = new java.util.LinkedHashMap<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "rules[" + i + "]";
      PolicyRule rule = read(node.get(i), path);
      if (rule == null) {
        continue;
      }
      boolean nodes = !rule.limits().nodes().isEmpty();
      String prefix = nodes ? "node:" : "";
      List<String> owners =
          rule.actions().stream().map(a -> taken.get(prefix + a)).distinct().toList();
      if (!rule.actions().isEmpty() && !owners.contains(null)) {
        fields.error(
            path,
            "can never match — "
                + String.join(", ", owners)
                + " already covers every cluster, "
                + (nodes ? "node" : "namespace")
                + " and action (first match wins)");
      } else if (rule.coversEverywhere()) {
        rule.actions().forEach(a -> taken.putIfAbsent(prefix + a, path));
      }
      rules.add(rule);
    }
    return rules;
  }

  private PolicyRule read(JsonNode node, String path) {
    if (!node.isObject()) {
      fields.error(
          path,
          PolicyFields.show(node)
              + " is not a rule — expected a mapping with keys "
              + String.join(", ", RULE_KEYS));
      return null;
    }
    fields.rejectUnknownKeys(node, path, RULE_KEYS);
    String name = fields.text(node.get("name"), path + ".name");
    List<String> clusters = globs(node, path, "clusters", CLUSTER_GLOB, List.of("*"));
    boolean aboutNodes = node.has("nodes");
    List<String> namespaces =
        globs(node, path, "namespaces", NAMESPACE_GLOB, aboutNodes ? List.of() : null);
    List<String> nodes =
        aboutNodes ? globs(node, path, "nodes", NAMESPACE_GLOB, List.of()) : List.of();
    Set<String> actions = actions(node.get("actions"), path + ".actions");
    checkScope(node, path, aboutNodes, actions);
    List<String> requesters = people(node.get("requesters"), path + ".requesters", List.of("*"));
    List<String> approvers = people(node.get("approvers"), path + ".approvers", null);
    if (approvers != null && approvers.isEmpty()) {
      fields.error(
          path + ".approvers",
          "[] is not allowed — expected at least one approver"
              + " (to forbid an action, use requesters: [])");
    }
    OptionalInt maxReplicas = fields.nonNegativeInt(node.get("maxReplicas"), path + ".maxReplicas");
    boolean toZero = fields.bool(node.get("allowScaleToZero"), path + ".allowScaleToZero", false);
    boolean self =
        fields.bool(node.get("selfApproval"), path + ".selfApproval", defaultSelfApproval);
    Duration ttl =
        fields.duration(node.get("ttl"), path + ".ttl", defaultTtl, PolicyLoader.MAX_TTL);
    int required = requiredApprovals(node.get("approvals"), path + ".approvals", approvers);
    Duration maxSilence =
        fields.duration(
            node.get("maxSilence"),
            path + ".maxSilence",
            PolicyRule.DEFAULT_MAX_SILENCE,
            MAX_SILENCE);
    Duration alone =
        fields.duration(
            node.get("silenceAlone"),
            path + ".silenceAlone",
            min(PolicyRule.DEFAULT_SILENCE_ALONE, maxSilence),
            MAX_SILENCE);
    if (alone.compareTo(maxSilence) > 0) {
      fields.error(
          path + ".silenceAlone",
          SilenceDurations.format(alone)
              + " is longer than maxSilence "
              + SilenceDurations.format(maxSilence)
              + " — expected at most maxSilence");
    }
    OperationLimits limits = limits(node, path, nodes);
    if (namespaces == null || approvers == null) {
      return null;
    }
    return new PolicyRule(
        name == null ? path : name,
        clusters,
        namespaces,
        actions,
        requesters,
        approvers,
        maxReplicas,
        toZero,
        self,
        ttl,
        required,
        maxSilence,
        alone,
        limits);
  }

  /**
   * A rule is about namespaces or about nodes (cluster-scoped), never both: node kinds belong in a
   * {@code nodes} rule, which must name them, and namespaced kinds in a {@code namespaces} rule.
   */
  private void checkScope(JsonNode node, String path, boolean aboutNodes, Set<String> actions) {
    if (aboutNodes && node.has("namespaces")) {
      fields.error(
          path,
          "has both nodes and namespaces — a rule is about nodes (cordon, uncordon, drain) or"
              + " about namespaces, not both");
      return;
    }
    if (aboutNodes && !node.has("actions")) {
      fields.error(
          path, "missing key actions — a nodes rule must name its actions, e.g. [cordon, drain]");
      return;
    }
    for (String action : actions) {
      if (aboutNodes && !Operation.NODE_KINDS.contains(action)) {
        fields.error(
            path + ".actions",
            "\""
                + action
                + "\" acts in a namespace — a nodes rule may name only "
                + String.join(", ", Operation.NODE_KINDS));
      } else if (!aboutNodes && Operation.NODE_KINDS.contains(action)) {
        fields.error(
            path + ".actions",
            "\"" + action + "\" acts on a node — put it in a rule with nodes: [\"*\"] instead");
      }
    }
  }

  private OperationLimits limits(JsonNode node, String path, List<String> nodes) {
    String selectorText = fields.text(node.get("nodeSelector"), path + ".nodeSelector");
    NodeSelector selector = NodeSelector.ANY;
    if (selectorText != null) {
      try {
        selector = NodeSelector.parse(selectorText);
      } catch (IllegalArgumentException e) {
        fields.error(path + ".nodeSelector", e.getMessage());
      }
    }
    OptionalInt maxPods = fields.nonNegativeInt(node.get("maxPods"), path + ".maxPods");
    if (maxPods.isPresent() && (maxPods.getAsInt() < 1 || maxPods.getAsInt() > MAX_PODS)) {
      fields.error(
          path + ".maxPods",
          maxPods.getAsInt() + " is not allowed — expected a whole number from 1 to " + MAX_PODS);
      maxPods = OptionalInt.empty();
    }
    return new OperationLimits(
        nodes,
        selector,
        maxPods.orElse(OperationLimits.DEFAULT_MAX_PODS),
        fields.bool(node.get("allowUnowned"), path + ".allowUnowned", false),
        fields.bool(node.get("drainLocalData"), path + ".drainLocalData", false));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * {@code approvals: N}, 1 by default. A rule that can never collect N distinct approvers (its
   * approvers name fewer people and no {@code *}) is an error now rather than a stuck request
   * later.
   */
  private int requiredApprovals(JsonNode node, String path, List<String> approvers) {
    OptionalInt n = fields.nonNegativeInt(node, path);
    if (n.isEmpty()) {
      return 1;
    }
    if (n.getAsInt() < 1 || n.getAsInt() > MAX_APPROVALS) {
      fields.error(
          path,
          n.getAsInt() + " is not allowed — expected a whole number from 1 to " + MAX_APPROVALS);
      return 1;
    }
    if (approvers != null && !approvers.contains(UserIds.ANYONE)) {
      Set<String> people = new LinkedHashSet<>();
      for (String entry : approvers) {
        if (UserIds.isGroupRef(entry)) {
          people.addAll(groups.getOrDefault(UserIds.groupName(entry), List.of()));
        } else {
          people.add(entry);
        }
      }
      if (people.size() < n.getAsInt()) {
        fields.error(
            path,
            n.getAsInt()
                + " distinct approvers can never be found — approvers name only "
                + people.size()
                + (people.isEmpty() ? "" : " (" + String.join(", ", people) + ")"));
      }
    }
    return n.getAsInt();
  }

  private List<String> globs(
      JsonNode rule, String path, String key, Pattern valid, List<String> fallback) {
    String keyPath = path + "." + key;
    List<String> values = fields.strings(rule.get(key), keyPath, "[prod, \"prod-*\"]");
    if (values == null) {
      if (fallback == null) {
        fields.error(
            path,
            "missing key "
                + key
                + " — expected a list of names or globs,"
                + " e.g. [prod, \"prod-*\"] or [\"*\"]");
      }
      return fallback;
    }
    if (values.isEmpty()) {
      fields.error(keyPath, "[] is not allowed — expected at least one name or glob");
    }
    for (int i = 0; i < values.size(); i++) {
      if (!valid.matcher(values.get(i)).matches()) {
        String noun = key.substring(0, key.length() - 1); // clusters -> cluster
        fields.error(
            keyPath + "[" + i + "]",
            "\""
                + values.get(i)
                + "\" is not a "
                + noun
                + " name or glob — expected "
                + (noun.equals("namespace")
                    ? "lowercase letters, digits, '-' and '.'"
                    : "letters, digits, '-', '_' and '.'")
                + ", with * and ? as wildcards");
      }
    }
    return values;
  }

  private Set<String> actions(JsonNode node, String path) {
    List<String> values = fields.strings(node, path, "[restart, scale]");
    if (values == null) {
      return ActionCodec.KINDS;
    }
    if (values.isEmpty()) {
      fields.error(
          path,
          "[] is not allowed — expected at least one of " + String.join(", ", ActionCodec.KINDS));
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (ActionCodec.KINDS.contains(values.get(i))
          || Operation.isOperation(values.get(i))
          || MCP_PATTERN.matcher(values.get(i)).matches()) {
        out.add(values.get(i));
      } else {
        fields.error(
            path + "[" + i + "]",
            "\""
                + values.get(i)
                + "\" is not an action — expected one of "
                + String.join(", ", ActionCodec.KINDS)
                + ", "
                + String.join(", ", Operation.NAMESPACED_KINDS)
                + ", "
                + String.join(", ", Operation.NODE_KINDS)
                + " or mcp:<server>/<tool> (globs allowed, e.g. mcp:k8s/*)");
      }
    }
    return out;
  }

  private List<String> people(JsonNode node, String path, List<String> fallback) {
    List<String> values = fields.strings(node, path, "[\"group:sre\", slack:U0123]");
    if (values == null) {
      if (fallback == null) {
        fields.error(
            path.substring(0, path.lastIndexOf('.')),
            "missing key "
                + path.substring(path.lastIndexOf('.') + 1)
                + " — expected a list of user ids or groups, e.g. [\"group:sre\", slack:U0123]");
      }
      return fallback;
    }
    for (int i = 0; i < values.size(); i++) {
      String entry = values.get(i);
      String at = path + "[" + i + "]";
      if (UserIds.isGroupRef(entry)) {
        if (!groupNames.contains(UserIds.groupName(entry))) {
          fields.error(
              at,
              "unknown group \""
                  + UserIds.groupName(entry)
                  + "\" — "
                  + (groupNames.isEmpty()
                      ? "no groups are defined under groups:"
                      : "defined groups: " + String.join(", ", groupNames)));
        }
      } else if (!entry.equals(UserIds.ANYONE) && !UserIds.isQualified(entry)) {
        fields.error(
            at,
            "\""
                + entry
                + "\" is not a platform-qualified user id — expected"
                + " platform:id (e.g. slack:U0123) or group:<name>");
      }
    }
    return values;
  }
}
