package lookout.bot.wiring;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Map;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.chain.AgentBuilder;
import lookout.agent.llm.LlmOptions;
import lookout.agent.llm.Models;
import lookout.agent.metrics.MetricsSource;
import lookout.agent.metrics.PrometheusClient;
import lookout.agent.metrics.SandboxMetrics;
import lookout.agent.tools.AgentTools;
import lookout.bot.config.LookoutConfig;
import lookout.bot.metrics.AgentMeters;
import lookout.bot.metrics.BotMetrics;
import lookout.knowledge.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model side of the agent: with an {@code llm:} block, questions go to the model over the
 * default cluster's tools, with the offline agent for commands and failures; without one, nothing
 * is added and the offline agent answers.
 */
final class LlmSetup {
  private static final Logger log = LoggerFactory.getLogger(LlmSetup.class);

  private LlmSetup() {}

  /** A cluster's tool services (the default one's are shared with the MCP server). */
  static AgentTools tools(
      LookoutConfig config, String cluster, KubernetesClient client, Search search) {
    return new AgentTools(
        cluster,
        client,
        Analyzers.all(),
        search,
        metricsFor(config, cluster, client),
        Clock.systemUTC());
  }

  static void configure(
      AgentBuilder agents,
      LookoutConfig config,
      Map<String, AgentTools> tools,
      BotMetrics metrics) {
    if (!config.llm().enabled()) {
      log.info("LLM: none configured, answering offline");
      if (!config.mcpServers().isEmpty()) {
        // only the model calls tools: without it the servers serve approved calls alone
        log.warn("mcp.servers is set but llm: is not: the offline agent does not call MCP tools");
      }
      return;
    }
    LlmOptions options = config.llm().options().orElseThrow();
    log.info("LLM: {} at {} (offline fallback on errors)", options.model(), options.baseUrl());
    agents.model(
        Models.openAiCompatible(options), options, tools, new AgentMeters(metrics.registry()));
  }

  /** Prometheus when configured for the cluster, generated series for the sandbox, else none. */
  static MetricsSource metricsFor(LookoutConfig config, String cluster, KubernetesClient client) {
    var endpoint = config.prometheus().forCluster(cluster);
    if (endpoint.isPresent()) {
      return new PrometheusClient(endpoint.get());
    }
    return config.cluster(cluster).mode() == LookoutConfig.Cluster.Mode.SANDBOX
        ? new SandboxMetrics(client)
        : null;
  }
}
