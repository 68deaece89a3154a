package lookout.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lookout.agent.metrics.PrometheusEndpoint;

/**
 * The {@code prometheus:} list: one entry per cluster, {@code {cluster, url, bearerToken | username
 * + password, timeout}}. A cluster without an entry has no metrics (the sandbox gets generated
 * series). Secrets are never printed.
 */
public record PrometheusSettings(Map<String, PrometheusEndpoint> byCluster) {
  static final Set<String> KEYS =
      Set.of("cluster", "url", "bearerToken", "username", "password", "timeout");

  public PrometheusSettings {
    byCluster = Map.copyOf(byCluster);
  }

  public static PrometheusSettings none() {
    return new PrometheusSettings(Map.of());
  }

  public Optional<PrometheusEndpoint> forCluster(String cluster) {
    return Optional.ofNullable(byCluster.get(cluster));
  }

  static PrometheusSettings bind(ConfigTree t, ObjectNode root, List<String> clusters) {
    Map<String, PrometheusEndpoint> out = new LinkedHashMap<>();
    List<JsonNode> entries = t.list(root, "prometheus", "prometheus");
    for (int i = 0; i < entries.size(); i++) {
      String key = "prometheus[" + i + "]";
      ObjectNode holder =
          new ObjectNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
      holder.set("e", entries.get(i));
      ObjectNode e = t.object(holder, "e", key, KEYS);
      String cluster =
          t.string(e, "cluster", key + ".cluster")
              .orElse(clusters.isEmpty() ? "sandbox" : clusters.get(0));
      if (!clusters.isEmpty() && !clusters.contains(cluster)) {
        t.problem(key + ".cluster", cluster, "the name of a configured cluster " + clusters);
      }
      Optional<String> url = t.string(e, "url", key + ".url");
      if (url.isEmpty() || !ConfigTree.httpUrl(url.get())) {
        t.problem(
            key + ".url", url.orElse(""), "the Prometheus base URL, e.g. http://prometheus:9090");
        continue;
      }
      Optional<String> bearer = t.string(e, "bearerToken", key + ".bearerToken");
      Optional<String> user = t.string(e, "username", key + ".username");
      Optional<String> password = t.string(e, "password", key + ".password");
      if (bearer.isPresent() && user.isPresent()) {
        t.problem(
            key + ".username", user.get(), "either bearerToken or username/password, not both");
      }
      if (user.isPresent() != password.isPresent()) {
        t.problem(key + ".password", "", "username and password together");
      }
      Duration timeout = t.duration(e, "timeout", key + ".timeout", Duration.ofSeconds(10));
      if (out.containsKey(cluster)) {
        t.problem(key + ".cluster", cluster, "one prometheus entry per cluster");
      }
      out.put(
          cluster, new PrometheusEndpoint(URI.create(url.get()), bearer, user, password, timeout));
    }
    return new PrometheusSettings(out);
  }
}
