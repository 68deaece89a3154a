package lookout.bot.wiring;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import lookout.agent.Agent;
import lookout.agent.analyzers.Analyzer;
import lookout.agent.grammar.CommandParser;
import lookout.agent.llm.LlmOptions;
import lookout.agent.llm.ModelAgent;
import lookout.agent.llm.Models;
import lookout.agent.metrics.MetricsSource;
import lookout.agent.metrics.PrometheusClient;
import lookout.agent.metrics.SandboxMetrics;
import lookout.agent.redact.RedactingAgent;
import lookout.agent.tools.AgentTools;
import lookout.bot.config.LookoutConfig;
import lookout.bot.metrics.AgentMeters;
import lookout.bot.metrics.BotMetrics;
import lookout.knowledge.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the agent: with an {@code llm:} block, the model agent over the default cluster's tools
 * with the offline agent as its fallback and command path; without one, the offline agent alone.
 * Either way every answer is redacted before it reaches chat.
 */
final class LlmSetup {
  private static final Logger log = LoggerFactory.getLogger(LlmSetup.class);

  private LlmSetup() {}

  /** The default cluster's tool services, shared by the model agent and the MCP server. */
  static AgentTools tools(
      LookoutConfig config, KubernetesClient client, List<Analyzer> analyzers, Search search) {
    String cluster = config.defaultCluster();
    return new AgentTools(
        cluster, client, analyzers, search, metricsFor(config, cluster, client), Clock.systemUTC());
  }

  static Agent agent(
      LookoutConfig config,
      AgentTools tools,
      CommandParser parser,
      Agent offline,
      BotMetrics metrics) {
    if (!config.llm().enabled()) {
      log.info("LLM: none configured, answering offline");
      if (!config.mcpServers().isEmpty()) {
        // only the model calls tools: without it the servers serve approved calls alone
        log.warn("mcp.servers is set but llm: is not: the offline agent does not call MCP tools");
      }
      return new RedactingAgent(offline);
    }
    LlmOptions options = config.llm().options().orElseThrow();
    log.info("LLM: {} at {} (offline fallback on errors)", options.model(), options.baseUrl());
    return new RedactingAgent(
        new ModelAgent(
            Models.openAiCompatible(options),
            options,
            tools,
            offline,
            parser,
            new AgentMeters(metrics.registry()),
            Clock.systemUTC()));
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
