package lookout.agent.scenarios;

import io.fabric8.kubernetes.client.KubernetesClient;
import lookout.agent.Agent;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.offline.OfflineAgent;

/**
 * The agent the library measures, built the way {@code bot/…/wiring/Lookout} builds the offline
 * agent (parser, every analyzer) but without knowledge search: runbook text must not be what
 * satisfies, or breaks, an expectation — runbook choice is measured by the knowledge evaluation.
 * When the agent's construction changes, this is the one place to follow it.
 */
final class AgentUnderTest {
  static final String CLUSTER = "prod-eu";

  private AgentUnderTest() {}

  static Agent offline(KubernetesClient client) {
    return new OfflineAgent(CLUSTER, client, new RuleCommandParser(), Analyzers.all(), null);
  }
}
