package lookout.agent.chain;

import dev.langchain4j.model.chat.ChatModel;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lookout.agent.Agent;
import lookout.agent.Stage;
import lookout.agent.analyzers.Analyzer;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.analyzers.LogArchive;
import lookout.agent.cluster.ClusterCache;
import lookout.agent.grammar.CommandParser;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.inspect.CheckupAgent;
import lookout.agent.inspect.InspectionHistory;
import lookout.agent.inspect.ReportWriter;
import lookout.agent.llm.AgentMetrics;
import lookout.agent.llm.LlmOptions;
import lookout.agent.llm.ModelAgent;
import lookout.agent.offline.Diagnoser;
import lookout.agent.offline.OfflineAgent;
import lookout.agent.tools.AgentTools;
import lookout.approvals.Approvals;
import lookout.knowledge.Search;

/**
 * Composes the agent every question goes to: check-up and capacity requests answered first (when
 * configured), then the model (when configured; it hands explicit commands and its own failures to
 * the offline agent), then the offline agent. The question is read and redacted once, the answer
 * redacted once ({@link AgentChain}).
 *
 * <pre>{@code
 * Agent agent =
 *     AgentBuilder.over(clients, "prod").search(knowledge).approvals(approvals)
 *         .model(chatModel, llmOptions, tools, meters)
 *         .checkups(checkups, history, writer)
 *         .build();
 * }</pre>
 */
public final class AgentBuilder {
  private final Map<String, KubernetesClient> clusters;
  private final String defaultCluster;
  private CommandParser parser = new RuleCommandParser();
  private List<Analyzer> analyzers = Analyzers.all();
  private Search search;
  private Approvals approvals;
  private Diagnoser diagnoser;
  private boolean informers;
  private Model model;
  private Checkups checkups;
  private Clock clock = Clock.systemUTC();
  private Map<String, String> channels = Map.of();
  private Duration clusterTimeout = DEFAULT_CLUSTER_TIMEOUT;
  private Map<String, LogArchive> logArchives = Map.of();

  /** How long a cluster may take to say whether it holds a name before it is left out. */
  public static final Duration DEFAULT_CLUSTER_TIMEOUT = Duration.ofSeconds(3);

  private record Model(
      ChatModel chat, LlmOptions options, Map<String, AgentTools> tools, AgentMetrics metrics) {}

  private record Checkups(
      Map<String, CheckupAgent.Checkups> clusters,
      InspectionHistory history,
      ReportWriter writer) {}

  private AgentBuilder(Map<String, KubernetesClient> clusters, String defaultCluster) {
    this.clusters = Map.copyOf(clusters);
    this.defaultCluster = Objects.requireNonNull(defaultCluster, "defaultCluster");
  }

  /** A builder over the named clusters; questions are answered about {@code defaultCluster}. */
  public static AgentBuilder over(Map<String, KubernetesClient> clusters, String defaultCluster) {
    return new AgentBuilder(clusters, defaultCluster);
  }

  public AgentBuilder parser(CommandParser value) {
    this.parser = Objects.requireNonNull(value, "parser");
    return this;
  }

  public AgentBuilder analyzers(List<Analyzer> value) {
    this.analyzers = List.copyOf(value);
    return this;
  }

  /** Runbook and incident search; none by default. */
  public AgentBuilder search(Search value) {
    this.search = value;
    return this;
  }

  /** Answers "audit …" and "reset breaker …"; without it those say approvals are not available. */
  public AgentBuilder approvals(Approvals value) {
    this.approvals = value;
    return this;
  }

  /** The diagnosis of resolved objects; by default the offline agent's own. */
  public AgentBuilder diagnoser(Diagnoser value) {
    this.diagnoser = value;
    return this;
  }

  /**
   * Questions about the default cluster go to {@code chat} with {@code tools}; commands and
   * failures to the offline agent.
   */
  public AgentBuilder model(
      ChatModel chat, LlmOptions options, AgentTools tools, AgentMetrics metrics) {
    return model(chat, options, Map.of(defaultCluster, tools), metrics);
  }

  /**
   * Questions about each cluster of {@code tools} go to {@code chat} with that cluster's tools;
   * commands, failures and clusters without tools to the offline agent.
   */
  public AgentBuilder model(
      ChatModel chat, LlmOptions options, Map<String, AgentTools> tools, AgentMetrics metrics) {
    this.model = new Model(chat, options, Map.copyOf(tools), metrics);
    return this;
  }

  /**
   * Channels that talk about one cluster: platform-qualified channel ({@code slack:C0123}) →
   * cluster. A question there that names no cluster is about that one.
   */
  public AgentBuilder channels(Map<String, String> value) {
    this.channels = Map.copyOf(value);
    return this;
  }

  /** How long each cluster may take to say whether it holds what a question names (3 s). */
  public AgentBuilder clusterTimeout(Duration value) {
    this.clusterTimeout = Objects.requireNonNull(value, "clusterTimeout");
    return this;
  }

  /** Check-up and capacity requests ("inspect prod", "top memory staging") are answered first. */
  public AgentBuilder checkups(
      Map<String, CheckupAgent.Checkups> clusters, InspectionHistory history, ReportWriter writer) {
    this.checkups = new Checkups(clusters, history, writer);
    return this;
  }

  /**
   * Whole-namespace reads (pods, Warning events, claims, nodes) come from the cluster's shared
   * informers: the bot's agent at 10,000 pods must not list a namespace on every question.
   */
  public AgentBuilder informers() {
    this.informers = true;
    return this;
  }

  /**
   * Logs of pods the default cluster's API server has none for (evicted, deleted, finished) come
   * from Loki.
   */
  public AgentBuilder logArchive(LogArchive value) {
    return logArchives(value == null ? Map.of() : Map.of(defaultCluster, value));
  }

  /** Each cluster's Loki, for logs of pods its API server has none for; a cluster without none. */
  public AgentBuilder logArchives(Map<String, LogArchive> value) {
    this.logArchives = Map.copyOf(value);
    return this;
  }

  public AgentBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * @throws IllegalArgumentException when the default cluster, or a channel's cluster, is not among
   *     the clusters
   */
  public Agent build() {
    if (!clusters.containsKey(defaultCluster)) {
      throw new IllegalArgumentException(
          "default cluster '"
              + defaultCluster
              + "' is not among the configured clusters "
              + clusters.keySet());
    }
    Map<String, ClusterRouter.Lane> lanes = new LinkedHashMap<>();
    // the default first: it is asked first and answers when no cluster holds a name
    lanes.put(defaultCluster, lane(defaultCluster));
    clusters.keySet().stream()
        .sorted()
        .filter(c -> !c.equals(defaultCluster))
        .forEach(c -> lanes.put(c, lane(c)));
    return new AgentChain(
        parser, new ClusterRouter(lanes, defaultCluster, channels, clusterTimeout));
  }

  /** The stages that answer about one cluster: check-ups, the model, the offline agent. */
  private ClusterRouter.Lane lane(String cluster) {
    KubernetesClient client = clusters.get(cluster);
    OfflineAgent offline =
        new OfflineAgent(
            cluster,
            client,
            parser,
            analyzers,
            search,
            approvals,
            cluster.equals(defaultCluster) ? diagnoser : null,
            informers ? ClusterCache.shared(client) : null);
    Stage stage = offline.withLogArchive(logArchives.get(cluster));
    if (model != null && model.tools().containsKey(cluster)) {
      stage =
          new ModelAgent(
              model.chat(),
              model.options(),
              model.tools().get(cluster),
              stage,
              parser,
              model.metrics(),
              clock);
    }
    if (checkups != null) {
      // "inspect" asked about this cluster inspects it; "inspect prod-us" still reaches prod-us
      stage =
          new CheckupAgent(
              stage, checkups.clusters(), cluster, checkups.history(), checkups.writer());
    }
    return new ClusterRouter.Lane(stage, offline::locate);
  }
}
