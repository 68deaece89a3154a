package lookout.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lookout.bot.alerts.AlertRouter;
import lookout.bot.alerts.AlertsSettings;
import lookout.bot.alerts.Destination;
import lookout.bot.alerts.LabelMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds and checks the {@code alerts:} block into {@link AlertsSettings}. */
final class AlertsConfig {
  static final Set<String> KEYS =
      Set.of(
          "enabled",
          "token",
          "basicAuth",
          "routes",
          "defaultTo",
          "analysisBudget",
          "rateLimits",
          "stormBacklog",
          "clusterLabel");
  private static final Logger log = LoggerFactory.getLogger(AlertsConfig.class);

  private AlertsConfig() {}

  static AlertsSettings bind(ConfigTree t, ObjectNode root, boolean consoleEnabled) {
    ObjectNode a = t.object(root, "alerts", "alerts", KEYS);
    boolean enabled = t.bool(a, "enabled", "alerts.enabled", true);
    Optional<String> token = t.string(a, "token", "alerts.token");
    token
        .filter(tok -> tok.length() < 16)
        .ifPresent(tok -> t.problem("alerts.token", tok, "at least 16 characters"));
    ObjectNode basic = t.object(a, "basicAuth", "alerts.basicAuth", Set.of("username", "password"));
    Optional<String> user = t.string(basic, "username", "alerts.basicAuth.username");
    Optional<String> password = t.string(basic, "password", "alerts.basicAuth.password");
    if (user.isPresent() != password.isPresent()) {
      t.problem("alerts.basicAuth", "", "both username and password, or neither");
    }
    password
        .filter(p -> p.length() < 12)
        .ifPresent(p -> t.problem("alerts.basicAuth.password", p, "at least 12 characters"));

    List<AlertRouter.Rule> routes = new ArrayList<>();
    List<JsonNode> routeNodes = t.list(a, "routes", "alerts.routes");
    for (int i = 0; i < routeNodes.size(); i++) {
      String key = "alerts.routes[" + i + "]";
      ObjectNode r =
          t.object(
              JsonNodeFactory.instance.objectNode().set("r", routeNodes.get(i)),
              "r",
              key,
              Set.of("match", "to", "drop", "continue"));
      String match = t.string(r, "match", key + ".match").orElse("");
      List<LabelMatcher> matchers = List.of();
      try {
        matchers = LabelMatcher.parseAll(match);
      } catch (IllegalArgumentException e) {
        t.problem(
            key + ".match",
            match,
            "matchers like namespace=~prod-.*, severity=critical; " + e.getMessage());
      }
      boolean drop = t.bool(r, "drop", key + ".drop", false);
      List<Destination> to = destinations(t, r, "to", key + ".to");
      if (!drop && to.isEmpty()) {
        t.problem(key, routeNodes.get(i), "a \"to\" list of destinations, or drop: true");
      }
      routes.add(
          new AlertRouter.Rule(
              matchers, to, drop, t.bool(r, "continue", key + ".continue", false)));
    }
    List<Destination> defaults = destinations(t, a, "defaultTo", "alerts.defaultTo");
    if (a.get("defaultTo") == null && consoleEnabled) {
      defaults = List.of(new Destination("console", "alerts"));
    }

    if (a.has("rateLimits")) {
      // Deprecated, not refused: the limits it set are kept anyway, now by the outbox from what
      // each adapter declares, so an old config must not stop Lookout from starting.
      log.warn(
          "alerts.rateLimits is deprecated and ignored: each chat platform's limits are declared by"
              + " its adapter and kept by the outbox (see docs/alerts.md, \"Flood control\");"
              + " remove it from the config");
    }
    return new AlertsSettings(
        enabled,
        token,
        user,
        password,
        routes,
        defaults,
        t.integer(a, "analysisBudget", "alerts.analysisBudget", 3, 0, 100),
        t.integer(a, "stormBacklog", "alerts.stormBacklog", 20, 1, 100_000),
        clusterLabel(t, a));
  }

  private static String clusterLabel(ConfigTree t, ObjectNode a) {
    String label = t.string(a, "clusterLabel", "alerts.clusterLabel").orElse("cluster");
    if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
      t.problem("alerts.clusterLabel", label, "a Prometheus label name, like cluster");
    }
    return label;
  }

  private static List<Destination> destinations(
      ConfigTree t, ObjectNode parent, String field, String key) {
    List<Destination> out = new ArrayList<>();
    List<JsonNode> nodes =
        parent.get(field) != null && parent.get(field).isTextual()
            ? List.of(parent.get(field))
            : t.list(parent, field, key);
    for (int i = 0; i < nodes.size(); i++) {
      String itemKey = key + "[" + i + "]";
      t.string(JsonNodeFactory.instance.objectNode().set("v", nodes.get(i)), "v", itemKey)
          .ifPresent(
              text -> {
                try {
                  out.add(Destination.parse(text));
                } catch (IllegalArgumentException e) {
                  t.problem(
                      itemKey,
                      text,
                      "platform:channel, e.g. slack:C0123, console:#alerts, feishu:oc_…");
                }
              });
    }
    return out;
  }
}
