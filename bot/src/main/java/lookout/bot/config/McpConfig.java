package lookout.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lookout.agent.mcp.McpServerConfig;
import lookout.bot.alerts.Destination;
import lookout.bot.mcp.McpServerSettings;

/** Binds and checks the {@code mcp:} block: servers Lookout uses, and Lookout as a server. */
final class McpConfig {
  static final Set<String> KEYS = Set.of("servers", "server");
  static final Set<String> SERVER_KEYS =
      Set.of(
          "name",
          "command",
          "args",
          "env",
          "url",
          "bearerToken",
          "headers",
          "tools",
          "readOnly",
          "timeout");
  static final Set<String> OWN_KEYS =
      Set.of(
          "enabled",
          "tokens",
          "approvalChannel",
          "maxSessionsPerToken",
          "sessionIdle",
          "maxRequestBytes");
  private static final String NAME = "[A-Za-z0-9_.-]{1,64}";

  private McpConfig() {}

  /** The {@code mcp:} block as one record. */
  record Bound(List<McpServerConfig> servers, McpServerSettings server) {}

  static Bound bind(ConfigTree t, ObjectNode root) {
    ObjectNode m = t.object(root, "mcp", "mcp", KEYS);
    List<McpServerConfig> servers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<JsonNode> nodes = t.list(m, "servers", "mcp.servers");
    for (int i = 0; i < nodes.size(); i++) {
      String key = "mcp.servers[" + i + "]";
      ObjectNode s =
          t.object(
              JsonNodeFactory.instance.objectNode().set("s", nodes.get(i)), "s", key, SERVER_KEYS);
      server(t, s, key, names).ifPresent(servers::add);
    }
    return new Bound(List.copyOf(servers), own(t, m));
  }

  private static Optional<McpServerConfig> server(
      ConfigTree t, ObjectNode s, String key, Set<String> names) {
    int before = t.problems().size();
    String name = t.string(s, "name", key + ".name").orElse("");
    if (!name.matches(NAME)) {
      t.problem(key + ".name", name, "a name of letters, digits, '_', '.', '-' (1-64)");
    } else if (!names.add(name)) {
      t.problem(key + ".name", name, "a name no other server has");
    }
    Optional<String> command = t.string(s, "command", key + ".command");
    Optional<String> url = t.string(s, "url", key + ".url");
    if (command.isPresent() == url.isPresent()) {
      t.problem(key, name, "either command (stdio) or url (Streamable HTTP), not both");
    }
    url.filter(u -> !ConfigTree.httpUrl(u))
        .ifPresent(u -> t.problem(key + ".url", u, "an http(s) URL such as https://host/mcp"));
    List<String> args = strings(t, s, "args", key + ".args");
    Map<String, String> env = map(t, s, "env", key + ".env");
    Map<String, String> headers = new LinkedHashMap<>(map(t, s, "headers", key + ".headers"));
    t.string(s, "bearerToken", key + ".bearerToken")
        .ifPresent(token -> headers.put("Authorization", "Bearer " + token));
    if (command.isPresent() && (!headers.isEmpty())) {
      t.problem(key + ".headers", "", "headers and bearerToken only with url");
    }
    List<String> tools = strings(t, s, "tools", key + ".tools");
    if (tools.isEmpty()) {
      t.problem(
          key + ".tools",
          "",
          "the tools Lookout may use: names or globs, e.g. [pods_list, \"events_*\"] or [\"*\"]");
    }
    boolean readOnly = t.bool(s, "readOnly", key + ".readOnly", false);
    Duration timeout = t.duration(s, "timeout", key + ".timeout", Duration.ofSeconds(30));
    if (t.problems().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new McpServerConfig(
            name, command, args, env, url.map(URI::create), headers, tools, readOnly, timeout));
  }

  private static McpServerSettings own(ConfigTree t, ObjectNode m) {
    ObjectNode s = t.object(m, "server", "mcp.server", OWN_KEYS);
    McpServerSettings off = McpServerSettings.off();
    boolean enabled = t.bool(s, "enabled", "mcp.server.enabled", false);
    Map<String, String> tokens = map(t, s, "tokens", "mcp.server.tokens");
    Set<String> seen = new HashSet<>();
    tokens.forEach(
        (name, token) -> {
          if (!name.matches(NAME)) {
            t.problem(
                "mcp.server.tokens." + name,
                name,
                "a client name of letters, digits, '_', '.', '-'");
          }
          if (token.length() < McpServerSettings.MIN_TOKEN_LENGTH) {
            t.problem(
                "mcp.server.tokens." + name,
                token,
                "at least " + McpServerSettings.MIN_TOKEN_LENGTH + " characters of random text");
          }
          if (!seen.add(token)) {
            t.problem("mcp.server.tokens." + name, token, "a token no other client has");
          }
        });
    if (enabled && tokens.isEmpty()) {
      t.problem(
          "mcp.server.tokens", "", "at least one client name → token when mcp.server.enabled");
    }
    Optional<Destination> channel = Optional.empty();
    Optional<String> where = t.string(s, "approvalChannel", "mcp.server.approvalChannel");
    if (where.isPresent()) {
      try {
        channel = Optional.of(Destination.parse(where.get()));
      } catch (IllegalArgumentException e) {
        t.problem("mcp.server.approvalChannel", where.get(), "a channel like slack:C0123OPS");
      }
    }
    return new McpServerSettings(
        enabled,
        tokens,
        channel,
        t.integer(
            s,
            "maxSessionsPerToken",
            "mcp.server.maxSessionsPerToken",
            off.maxSessionsPerToken(),
            1,
            100),
        t.duration(s, "sessionIdle", "mcp.server.sessionIdle", off.sessionIdle()),
        t.integer(
            s,
            "maxRequestBytes",
            "mcp.server.maxRequestBytes",
            off.maxRequestBytes(),
            1_024,
            1 << 20));
  }

  private static List<String> strings(ConfigTree t, ObjectNode parent, String field, String key) {
    List<String> out = new ArrayList<>();
    List<JsonNode> items = t.list(parent, field, key);
    for (int i = 0; i < items.size(); i++) {
      ObjectNode holder = JsonNodeFactory.instance.objectNode().set("v", items.get(i));
      t.string(holder, "v", key + "[" + i + "]").ifPresent(out::add);
    }
    return out;
  }

  /** A mapping of free names to strings (env, headers, tokens). */
  private static Map<String, String> map(
      ConfigTree t, ObjectNode parent, String field, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      t.problem(key, node, "a mapping of names to values");
      return out;
    }
    node.fieldNames()
        .forEachRemaining(n -> t.string(node, n, key + "." + n).ifPresent(v -> out.put(n, v)));
    return out;
  }
}
