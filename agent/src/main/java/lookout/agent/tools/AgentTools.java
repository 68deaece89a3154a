package lookout.agent.tools;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lookout.agent.analyzers.Analyzer;
import lookout.agent.cluster.ClusterCache;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.loki.LokiClient;
import lookout.agent.loki.LokiLogs;
import lookout.agent.loki.LokiService;
import lookout.agent.metrics.MetricsService;
import lookout.agent.metrics.MetricsSource;
import lookout.knowledge.Search;

/**
 * The services behind the tools of one cluster, built once; {@link #toolbox} gives each question
 * its own toolbox with its own {@link Proposals}.
 */
public final class AgentTools {

  private final String cluster;
  private final ClusterTools clusterTools;
  private final MetricsTools metricsTools;
  private final KnowledgeTools knowledgeTools;
  private final ActionService actions;
  private final Investigator investigator;
  private final ClusterReader reader;
  private volatile ToolSource extra = ToolSource.NONE;
  private volatile LokiTools loki;

  public AgentTools(
      String cluster,
      KubernetesClient client,
      List<Analyzer> analyzers,
      Search searchOrNull,
      MetricsSource metricsOrNull,
      Clock clock) {
    this.cluster = cluster;
    // namespace-wide reads (problem_pods, pods, finding a pod by name) come from informers shared
    // with the offline agent of the same cluster
    this.reader = new ClusterReader(client, clock, ClusterCache.shared(client));
    ClusterService service = new ClusterService(cluster, reader);
    MetricsService metrics = new MetricsService(metricsOrNull, clock);
    this.investigator = new Investigator(service, metrics, analyzers);
    this.clusterTools = new ClusterTools(service, investigator);
    this.metricsTools = new MetricsTools(metrics);
    this.knowledgeTools = new KnowledgeTools(new KnowledgeService(searchOrNull));
    this.actions = new ActionService(service);
  }

  public String cluster() {
    return cluster;
  }

  /** The investigate bundle, also used directly by the token-economy benchmark. */
  public Investigator investigator() {
    return investigator;
  }

  /** Joins tools from outside Lookout (MCP servers) to every toolbox made from now on. */
  public AgentTools with(ToolSource tools) {
    this.extra = tools;
    return this;
  }

  /**
   * The cluster's Loki: the {@code loki_query} tool joins every toolbox made from now on, and
   * investigations read pods the API server has no log for from it.
   */
  public AgentTools with(LokiClient client, Clock clock) {
    reader.logs().useArchive(new LokiLogs(client, clock));
    this.loki = new LokiTools(new LokiService(client, clock));
    return this;
  }

  /** Lookout's own cluster tools, for serving them to MCP clients. */
  public ClusterTools clusterTools() {
    return clusterTools;
  }

  /** Checks and turns "restart X" / "scale X to N" into typed actions (never runs them). */
  public ActionService actions() {
    return actions;
  }

  /** Lookout's knowledge search tool, for serving it to MCP clients. */
  public KnowledgeTools knowledgeTools() {
    return knowledgeTools;
  }

  public Toolbox toolbox(Proposals proposals) {
    List<Object> tools =
        new ArrayList<>(
            List.of(
                clusterTools, metricsTools, knowledgeTools, new ActionTools(actions, proposals)));
    if (loki != null) {
      tools.add(loki);
    }
    return new Toolbox(tools, extra, proposals);
  }
}
