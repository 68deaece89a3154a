package lookout.bot.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lookout.agent.loki.LokiEndpoint;
import lookout.agent.remote.HttpEndpoint;
import lookout.bot.alerts.AlertsSettings;
import lookout.bot.inspect.InspectionSettings;

/**
 * Loads {@link LookoutConfig}: the YAML file if there is one (none at all = the sandbox default),
 * then {@code LOOKOUT_*} environment overrides, then command-line overrides; validates everything
 * and throws one {@link ConfigException} listing every problem.
 */
public final class ConfigLoader {
  /** Environment variables that override single keys, e.g. {@code LOOKOUT_SERVER_PORT=9090}. */
  public static final Map<String, String> ENV_OVERRIDES = EnvOverrides.VARIABLES;

  private static final long MAX_FILE_BYTES = 1 << 20;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Command-line values that win over file and environment; null = not given. */
  public record Overrides(Path dataDir, Integer port) {
    public static Overrides none() {
      return new Overrides(null, null);
    }
  }

  /**
   * @param file the config file; when null, {@code ./lookout.yaml} is used if present, else
   *     defaults
   */
  public LookoutConfig load(Path file, Overrides overrides) {
    Path chosen = file != null ? file : Path.of("lookout.yaml");
    boolean explicit = file != null;
    String source = chosen.toString();
    ObjectNode root;
    if (Files.exists(chosen)) {
      root = parse(chosen);
    } else if (explicit) {
      throw new ConfigException(source, List.of("--config: file " + chosen + " does not exist"));
    } else {
      source = "built-in sandbox defaults";
      root = JsonNodeFactory.instance.objectNode();
    }
    EnvOverrides.apply(root, env);
    if (overrides.dataDir() != null) {
      root.put("dataDir", overrides.dataDir().toString());
    }
    if (overrides.port() != null) {
      root.withObjectProperty("server").put("port", overrides.port().toString());
    }
    return bind(root, source);
  }

  private ObjectNode parse(Path file) {
    String source = file.toString();
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ConfigException(source, List.of("file is larger than 1 MiB"));
      }
      JsonNode node = YAML.readTree(Files.readString(file));
      if (node == null || node.isNull() || node.isMissingNode()) {
        return JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException(
            source, List.of("top level: expected a mapping of keys, got " + node.getNodeType()));
      }
      return (ObjectNode) node;
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new ConfigException(
          source, List.of("not valid YAML" + where + ": " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException(source, List.of("cannot read file: " + e.getMessage()));
    }
  }

  /**
   * The keys the loader accepts, as far as {@code root} reaches (list entries are checked only when
   * present): binds it and returns what every mapping allowed, problems or not.
   */
  Set<String> acceptedKeys(ObjectNode root) {
    ConfigTree t = new ConfigTree(env::get);
    try {
      bind(root, "accepted keys", t);
    } catch (ConfigException e) {
      // the keys were recorded before the problems were reported
    }
    return t.acceptedKeys();
  }

  private LookoutConfig bind(ObjectNode root, String source) {
    return bind(root, source, new ConfigTree(env::get));
  }

  private LookoutConfig bind(ObjectNode root, String source, ConfigTree t) {
    t.checkKeys(
        root,
        "",
        Set.of(
            "server",
            "dataDir",
            "database",
            "clusters",
            "defaultCluster",
            "console",
            "approvals",
            "knowledge",
            "slack",
            "wecom",
            "llm",
            "prometheus",
            "alerts",
            "inspections",
            "feishu",
            "mcp",
            "alertmanagers",
            "loki"));

    var server = ServerConfig.bind(t, root);

    Path dataDir = Path.of(t.string(root, "dataDir", "dataDir").orElse("lookout-data"));

    LookoutConfig.Database database = DatabaseConfig.bind(t, root);

    List<LookoutConfig.Cluster> clusters = ClusterConfigs.bind(t, root);
    String defaultCluster =
        t.string(root, "defaultCluster", "defaultCluster")
            .orElse(clusters.isEmpty() ? "sandbox" : clusters.get(0).name());
    if (!clusters.isEmpty() && clusters.stream().noneMatch(c -> c.name().equals(defaultCluster))) {
      t.problem(
          "defaultCluster",
          defaultCluster,
          "the name of a configured cluster "
              + clusters.stream().map(LookoutConfig.Cluster::name).toList());
    }

    ObjectNode c = t.object(root, "console", "console", Set.of("enabled", "accessToken"));
    var console =
        new LookoutConfig.Console(
            t.bool(c, "enabled", "console.enabled", true),
            t.string(c, "accessToken", "console.accessToken"));
    if (console.enabled() && !server.loopback() && console.accessToken().isEmpty()) {
      t.problem(
          "console.accessToken",
          "",
          "a token (at least 16 characters) because server.host "
              + server.host()
              + " is not loopback and the console is enabled — or set console.enabled: false");
    }
    console
        .accessToken()
        .filter(tok -> tok.length() < 16)
        .ifPresent(tok -> t.problem("console.accessToken", tok, "at least 16 characters"));

    ObjectNode a =
        t.object(
            root,
            "approvals",
            "approvals",
            Set.of("policyFile", "signingKey", "expiryCheck", "impersonate"));
    Optional<Path> policy = t.string(a, "policyFile", "approvals.policyFile").map(Path::of);
    policy
        .filter(p -> !Files.isRegularFile(p))
        .ifPresent(p -> t.problem("approvals.policyFile", p, "an existing policy file"));
    Optional<String> key = t.string(a, "signingKey", "approvals.signingKey");
    key.filter(k -> k.length() < 32)
        .ifPresent(
            k -> t.problem("approvals.signingKey", k, "at least 32 characters of random text"));
    var approvals =
        new LookoutConfig.Approvals(
            policy,
            key,
            t.duration(a, "expiryCheck", "approvals.expiryCheck", Duration.ofSeconds(15)),
            t.bool(a, "impersonate", "approvals.impersonate", false));

    ObjectNode k =
        t.object(root, "knowledge", "knowledge", Set.of("bundled", "runbookDirs", "semantic"));
    List<Path> dirs = new ArrayList<>();
    List<JsonNode> dirNodes = t.list(k, "runbookDirs", "knowledge.runbookDirs");
    for (int i = 0; i < dirNodes.size(); i++) {
      String dirKey = "knowledge.runbookDirs[" + i + "]";
      JsonNode node = dirNodes.get(i);
      ObjectNode holder = JsonNodeFactory.instance.objectNode().set("v", node);
      t.string(holder, "v", dirKey)
          .map(Path::of)
          .ifPresent(
              p -> {
                if (Files.isDirectory(p)) {
                  dirs.add(p);
                } else {
                  t.problem(dirKey, p, "an existing folder of Markdown runbooks");
                }
              });
    }
    var knowledge =
        new LookoutConfig.Knowledge(
            t.bool(k, "bundled", "knowledge.bundled", true),
            dirs,
            t.bool(k, "semantic", "knowledge.semantic", true));

    SlackSettings slack = SlackSettings.bind(t, root);
    WecomSettings wecom = WecomSettings.bind(t, root);
    LlmSettings llm = LlmSettings.bind(t, root);
    PrometheusSettings prometheus =
        PrometheusSettings.bind(
            t, root, clusters.stream().map(LookoutConfig.Cluster::name).toList());
    AlertsSettings alerts = AlertsConfig.bind(t, root, console.enabled());
    Set<String> clusterNames = new java.util.TreeSet<>();
    clusters.forEach(cluster -> clusterNames.add(cluster.name()));
    if (clusterNames.isEmpty()) {
      clusterNames.add("sandbox");
    }
    List<InspectionSettings> inspections = InspectionConfig.bind(t, root, clusterNames);
    FeishuSettings feishu = FeishuSettings.bind(t, root);
    McpConfig.Bound mcp = McpConfig.bind(t, root);
    List<String> names = clusters.stream().map(LookoutConfig.Cluster::name).toList();
    Map<String, HttpEndpoint> alertmanagers = new LinkedHashMap<>();
    EndpointConfig.bind(
            t, root, "alertmanagers", "http://alertmanager.monitoring:9093", names, Set.of())
        .forEach(b -> alertmanagers.put(b.cluster(), b.endpoint()));
    Map<String, LokiEndpoint> loki = new LinkedHashMap<>();
    EndpointConfig.bind(t, root, "loki", "http://loki-gateway.monitoring", names, Set.of("tenant"))
        .forEach(
            b ->
                loki.put(
                    b.cluster(),
                    new LokiEndpoint(
                        b.endpoint(),
                        t.string(b.node(), "tenant", b.key() + ".tenant")
                            .filter(s -> !s.isBlank()))));

    if (!t.problems().isEmpty()) {
      throw new ConfigException(source, t.problems());
    }
    List<LookoutConfig.Cluster> finalClusters =
        clusters.isEmpty()
            ? List.of(
                new LookoutConfig.Cluster(
                    "sandbox",
                    LookoutConfig.Cluster.Mode.SANDBOX,
                    Optional.empty(),
                    Optional.empty()))
            : clusters;
    return new LookoutConfig(
        source,
        server,
        dataDir,
        database,
        finalClusters,
        defaultCluster,
        console,
        approvals,
        knowledge,
        slack,
        wecom,
        llm,
        prometheus,
        alerts,
        inspections,
        feishu,
        mcp.servers(),
        mcp.server(),
        alertmanagers,
        loki);
  }
}
