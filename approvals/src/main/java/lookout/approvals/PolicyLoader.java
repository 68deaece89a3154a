package lookout.approvals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads and validates a policy file (format: POLICY.md). Every problem is reported at once, each
 * line naming the file, the key path, the value and what was expected; nothing half-valid is
 * returned.
 */
public final class PolicyLoader {
  static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
  static final Duration DEFAULT_PROPOSAL_TTL = Duration.ofHours(1);
  static final Duration MAX_TTL = Duration.ofDays(7);

  private static final Set<String> TOP_KEYS =
      orderedSet("ttl", "proposalTtl", "selfApproval", "groups", "rules", "identities");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private PolicyLoader() {}

  /** Reads and validates {@code file}; errors name the file as given. */
  public static Policy load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PolicyException("cannot read policy file " + file + ": " + e);
    }
    return parse(text, file.toString());
  }

  /**
   * Validates policy YAML.
   *
   * @param sourceName how errors name the source, e.g. {@code policy.yaml}
   * @throws PolicyException listing every problem, one per line
   */
  public static Policy parse(String yaml, String sourceName) {
    PolicyFields fields = new PolicyFields(sourceName);
    JsonNode root = readTree(yaml, sourceName);
    if (PolicyFields.absent(root) || !root.isObject()) {
      String got = PolicyFields.absent(root) ? "an empty document" : PolicyFields.show(root);
      throw new PolicyException(
          sourceName
              + ": got "
              + got
              + " — expected a mapping with keys "
              + String.join(", ", TOP_KEYS));
    }
    fields.rejectUnknownKeys(root, "", TOP_KEYS);
    Duration ttl = fields.duration(root.get("ttl"), "ttl", DEFAULT_TTL, MAX_TTL);
    Duration proposalTtl =
        fields.duration(root.get("proposalTtl"), "proposalTtl", DEFAULT_PROPOSAL_TTL, MAX_TTL);
    boolean selfApproval = fields.bool(root.get("selfApproval"), "selfApproval", false);
    Map<String, List<String>> groups = readGroups(root.get("groups"), fields);
    List<PolicyRule> rules =
        new RuleReader(fields, groups, ttl, selfApproval).readAll(root.get("rules"));
    Map<String, KubeIdentity> identities = readIdentities(root.get("identities"), fields);
    if (!fields.errors().isEmpty()) {
      throw new PolicyException(String.join("\n", fields.errors()));
    }
    return new Policy(ttl, proposalTtl, selfApproval, groups, rules, identities);
  }

  private static JsonNode readTree(String yaml, String sourceName) {
    if (yaml == null || yaml.isBlank()) {
      return null;
    }
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : "line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ": ";
      // The parser's message repeats the source with carets on indented lines; keep the prose.
      String problem =
          String.join(
              "; ",
              e.getOriginalMessage()
                  .lines()
                  .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                  .toList());
      throw new PolicyException(sourceName + ": " + where + "not valid YAML: " + problem);
    }
  }

  private static Map<String, List<String>> readGroups(JsonNode node, PolicyFields fields) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    if (PolicyFields.absent(node)) {
      return groups;
    }
    if (!node.isObject()) {
      fields.error(
          "groups",
          PolicyFields.show(node)
              + " is not a mapping — expected group names with lists of user ids, e.g. sre:"
              + " [slack:U0123]");
      return groups;
    }
    for (Map.Entry<String, JsonNode> group : node.properties()) {
      String path = "groups." + group.getKey();
      if (!UserIds.isGroupName(group.getKey())) {
        fields.error(
            path,
            "\""
                + group.getKey()
                + "\" is not a group name — expected letters, digits, '.', '_' or '-'");
      }
      List<String> members = fields.strings(group.getValue(), path, "[slack:U0123, console:alice]");
      if (members == null) {
        fields.error(path, "null is not a list — expected a list of user ids (may be empty: [])");
        members = List.of();
      }
      for (int i = 0; i < members.size(); i++) {
        if (!UserIds.isQualified(members.get(i))) {
          fields.error(
              path + "[" + i + "]",
              "\""
                  + members.get(i)
                  + "\" is not a platform-qualified user id — expected platform:id (e.g."
                  + " slack:U0123)"
                  + (UserIds.isGroupRef(members.get(i)) ? "; groups cannot contain groups" : ""));
        }
      }
      groups.put(group.getKey(), List.copyOf(members));
    }
    return groups;
  }

  /**
   * {@code identities:} chat user id → Kubernetes user name, or → {@code {user: …, groups: […]}}.
   */
  private static Map<String, KubeIdentity> readIdentities(JsonNode node, PolicyFields fields) {
    Map<String, KubeIdentity> identities = new LinkedHashMap<>();
    if (PolicyFields.absent(node)) {
      return identities;
    }
    if (!node.isObject()) {
      fields.error(
          "identities",
          PolicyFields.show(node)
              + " is not a mapping — expected chat user ids with Kubernetes users, e.g."
              + " slack:U0123: alice@example.com");
      return identities;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String path = "identities." + entry.getKey();
      if (!UserIds.isQualified(entry.getKey())) {
        fields.error(
            path,
            "\""
                + entry.getKey()
                + "\" is not a platform-qualified user id — expected platform:id (e.g."
                + " slack:U0123)");
      }
      JsonNode value = entry.getValue();
      if (value != null && value.isTextual() && !value.asText().isBlank()) {
        identities.put(entry.getKey(), new KubeIdentity(value.asText(), List.of()));
      } else if (value != null && value.isObject()) {
        fields.rejectUnknownKeys(value, path, orderedSet("user", "groups"));
        JsonNode user = value.get("user");
        List<String> groups = fields.strings(value.get("groups"), path + ".groups", "[sre]");
        if (user == null || !user.isTextual() || user.asText().isBlank()) {
          fields.error(
              path + ".user",
              PolicyFields.show(user) + " is not a Kubernetes user name — expected text");
        } else {
          identities.put(
              entry.getKey(), new KubeIdentity(user.asText(), groups == null ? List.of() : groups));
        }
      } else {
        fields.error(
            path,
            PolicyFields.show(value)
                + " is not a Kubernetes user — expected a user name or {user: …, groups: […]}");
      }
    }
    return identities;
  }

  static Set<String> orderedSet(String... items) {
    return new LinkedHashSet<>(List.of(items));
  }
}
