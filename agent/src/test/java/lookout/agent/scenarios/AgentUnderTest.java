package lookout.agent.scenarios;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import lookout.agent.Agent;
import lookout.agent.chain.AgentBuilder;

/**
 * The agent the library measures, built by the same {@link AgentBuilder} as {@code
 * bot/…/wiring/Lookout} (reading and redacting once, parser, every analyzer) but without knowledge
 * search: runbook text must not be what satisfies, or breaks, an expectation — runbook choice is
 * measured by the knowledge evaluation. When the agent's construction changes, this is the one
 * place to follow it.
 */
final class AgentUnderTest {
  static final String CLUSTER = "prod-eu";

  private AgentUnderTest() {}

  static Agent offline(KubernetesClient client) {
    return AgentBuilder.over(Map.of(CLUSTER, client), CLUSTER).build();
  }
}
