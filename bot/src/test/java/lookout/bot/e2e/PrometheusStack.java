package lookout.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The real Debian {@code prometheus} and {@code prometheus-alertmanager} on loopback with temp
 * dirs: Prometheus scrapes the test's exporter and evaluates the kube-prometheus rules (with {@code
 * for:} and range windows shortened so a test takes seconds), Alertmanager posts to Lookout's
 * webhook with a bearer token.
 */
final class PrometheusStack implements AutoCloseable {
  static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
  static final String RULES_IN_SHARED = "corpora/kube-prometheus-rules";
  static final List<String> RULE_FILES =
      List.of("kubernetesControlPlane-prometheusRule.yaml", "kubeStateMetrics-prometheusRule.yaml");
  private static final Pattern RANGE = Pattern.compile("\\[(\\d+[smhdwy])+\\]");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<Process> processes = new ArrayList<>();
  final Path dir;

  static boolean installed() {
    return Files.isExecutable(PROMETHEUS)
        && Files.isExecutable(ALERTMANAGER)
        && Files.isDirectory(rulesDir());
  }

  static Path rulesDir() {
    // Tests run from bot/, tools from the repo root; the corpora sit beside the worktree.
    for (String candidate : List.of("../../shared", "../shared")) {
      Path dir = Path.of(candidate).resolve(RULES_IN_SHARED).normalize();
      if (Files.isDirectory(dir)) {
        return dir;
      }
    }
    return Path.of("../../shared").resolve(RULES_IN_SHARED);
  }

  PrometheusStack(Path dir, int exporterPort, int lookoutPort, String token) throws Exception {
    this.dir = dir;
    int am = freePort();
    int prom = freePort();
    Files.writeString(dir.resolve("rules.yaml"), YAML.writeValueAsString(shortenedRules()));
    Files.writeString(
        dir.resolve("prometheus.yml"),
        String.join(
            "\n",
            "global: {scrape_interval: 2s, evaluation_interval: 2s}",
            "rule_files: [rules.yaml]",
            "alerting:",
            "  alertmanagers: [{static_configs: [{targets: ['127.0.0.1:" + am + "']}]}]",
            "scrape_configs:",
            "  - job_name: kube-state-metrics",
            "    metrics_path: /ksm",
            "    static_configs: [{targets: ['127.0.0.1:" + exporterPort + "']}]",
            "  - job_name: kubelet",
            "    metrics_path: /cadvisor",
            "    static_configs: [{targets: ['127.0.0.1:" + exporterPort + "']}]",
            ""));
    Files.writeString(
        dir.resolve("alertmanager.yml"),
        String.join(
            "\n",
            "route:",
            "  receiver: lookout",
            "  group_by: [alertname, namespace]",
            "  group_wait: 1s",
            "  group_interval: 1s",
            "  repeat_interval: 3s",
            "receivers:",
            "  - name: lookout",
            "    webhook_configs:",
            "      - url: http://127.0.0.1:" + lookoutPort + "/alertmanager",
            "        send_resolved: true",
            "        http_config:",
            "          authorization: {credentials: " + token + "}",
            ""));
    start(
        "alertmanager",
        ALERTMANAGER.toString(),
        "--config.file=" + dir.resolve("alertmanager.yml"),
        "--storage.path=" + Files.createDirectories(dir.resolve("am-data")),
        "--web.listen-address=127.0.0.1:" + am,
        "--cluster.listen-address=");
    start(
        "prometheus",
        PROMETHEUS.toString(),
        "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("prom-data")),
        "--web.listen-address=127.0.0.1:" + prom,
        "--rules.alert.resend-delay=2s");
  }

  /** The rule files' groups with {@code for:} at 2s and range windows at 10s. */
  static ObjectNode shortenedRules() throws IOException {
    ObjectNode out = YAML.createObjectNode();
    ArrayNode groups = out.putArray("groups");
    for (String file : RULE_FILES) {
      JsonNode crd = YAML.readTree(rulesDir().resolve(file).toFile());
      for (JsonNode group : crd.path("spec").path("groups")) {
        ObjectNode g = group.deepCopy();
        for (JsonNode rule : g.withArray("rules")) {
          ObjectNode r = (ObjectNode) rule;
          if (r.has("for")) {
            r.put("for", "2s");
          }
          r.put("expr", RANGE.matcher(r.path("expr").asText()).replaceAll("[10s]"));
        }
        groups.add(g);
      }
    }
    return out;
  }

  private void start(String name, String... command) throws IOException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    processes.add(p);
  }

  /** The tail of a component's log, for failure messages. */
  String log(String name) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
