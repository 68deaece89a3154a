package lookout.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lookout.agent.remote.HttpEndpoint;

/**
 * Binds a list of per-cluster HTTP services ({@code alertmanagers:}, {@code loki:}): each entry
 * {@code {cluster, url, bearerToken | basicAuth: {username, password}, timeout}} plus the service's
 * own keys, at most one entry per cluster.
 */
final class EndpointConfig {
  static final Set<String> KEYS = Set.of("cluster", "url", "bearerToken", "basicAuth", "timeout");

  /** One bound entry; {@code node} and {@code key} let the caller read its own keys. */
  record Bound(String cluster, HttpEndpoint endpoint, ObjectNode node, String key) {}

  private EndpointConfig() {}

  /**
   * @param field the top-level key, e.g. {@code alertmanagers}
   * @param example a base URL for messages, e.g. {@code http://alertmanager:9093}
   */
  static List<Bound> bind(
      ConfigTree t,
      ObjectNode root,
      String field,
      String example,
      List<String> clusters,
      Set<String> ownKeys) {
    Set<String> allowed = new HashSet<>(KEYS);
    allowed.addAll(ownKeys);
    List<Bound> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<JsonNode> entries = t.list(root, field, field);
    for (int i = 0; i < entries.size(); i++) {
      String key = field + "[" + i + "]";
      ObjectNode holder = JsonNodeFactory.instance.objectNode();
      holder.set("e", entries.get(i));
      ObjectNode e = t.object(holder, "e", key, allowed);
      String cluster =
          t.string(e, "cluster", key + ".cluster")
              .orElse(clusters.isEmpty() ? "sandbox" : clusters.get(0));
      if (!clusters.isEmpty() && !clusters.contains(cluster)) {
        t.problem(key + ".cluster", cluster, "the name of a configured cluster " + clusters);
      }
      if (!seen.add(cluster)) {
        t.problem(key + ".cluster", cluster, "one " + field + " entry per cluster");
      }
      Optional<String> bearer = t.string(e, "bearerToken", key + ".bearerToken");
      ObjectNode basic =
          t.object(e, "basicAuth", key + ".basicAuth", Set.of("username", "password"));
      Optional<String> user = t.string(basic, "username", key + ".basicAuth.username");
      Optional<String> password = t.string(basic, "password", key + ".basicAuth.password");
      if (bearer.isPresent() && user.isPresent()) {
        t.problem(key + ".basicAuth", "", "either bearerToken or basicAuth, not both");
      }
      if (user.isPresent() != password.isPresent()) {
        t.problem(key + ".basicAuth", "", "both username and password");
      }
      Duration timeout = t.duration(e, "timeout", key + ".timeout", Duration.ofSeconds(10));
      Optional<String> url = t.string(e, "url", key + ".url");
      if (url.isEmpty() || !ConfigTree.httpUrl(url.get())) {
        t.problem(key + ".url", url.orElse(""), "the base URL, e.g. " + example);
        continue;
      }
      out.add(
          new Bound(
              cluster,
              new HttpEndpoint(URI.create(url.get()), bearer, user, password, timeout),
              e,
              key));
    }
    return out;
  }
}
