package lookout.agent.chain;

import dev.langchain4j.model.chat.ChatModel;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
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
  private LogArchive logArchive;

  private record Model(
      ChatModel chat, LlmOptions options, AgentTools tools, AgentMetrics metrics) {}

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
   * Questions go to {@code chat} with {@code tools}; commands and failures to the offline agent.
   */
  public AgentBuilder model(
      ChatModel chat, LlmOptions options, AgentTools tools, AgentMetrics metrics) {
    this.model = new Model(chat, options, tools, metrics);
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

  /** Logs of pods the API server has none for (evicted, deleted, finished) come from Loki. */
  public AgentBuilder logArchive(LogArchive value) {
    this.logArchive = value;
    return this;
  }

  public AgentBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * @throws IllegalArgumentException when the default cluster is not among the clusters
   */
  public Agent build() {
    KubernetesClient client = clusters.get(defaultCluster);
    if (client == null) {
      throw new IllegalArgumentException(
          "default cluster '"
              + defaultCluster
              + "' is not among the configured clusters "
              + clusters.keySet());
    }
    OfflineAgent offline =
        new OfflineAgent(
            defaultCluster,
            client,
            parser,
            analyzers,
            search,
            approvals,
            diagnoser,
            informers ? ClusterCache.shared(client) : null);
    Stage stage = offline.withLogArchive(logArchive);
    if (model != null) {
      stage =
          new ModelAgent(
              model.chat(), model.options(), model.tools(), stage, parser, model.metrics(), clock);
    }
    if (checkups != null) {
      stage =
          new CheckupAgent(
              stage, checkups.clusters(), defaultCluster, checkups.history(), checkups.writer());
    }
    return new AgentChain(parser, stage);
  }
}
