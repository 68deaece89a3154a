package lookout.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.util.Map;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.metrics.SandboxMetrics;
import lookout.agent.offline.OfflineAgent;
import lookout.agent.sandbox.SandboxCluster;
import lookout.agent.tools.AgentTools;
import org.junit.jupiter.api.Test;

/**
 * One question to a real model, when one is configured: {@code LOOKOUT_TEST_LLM_API_KEY}, {@code
 * LOOKOUT_TEST_LLM_BASE_URL} (default OpenAI) and {@code LOOKOUT_TEST_LLM_MODEL} (default
 * gpt-4o-mini). Skips without a key.
 */
class RealModelTest {
  @Test
  void a_real_model_finds_the_oom_kill_of_order_service() {
    String key = System.getenv("LOOKOUT_TEST_LLM_API_KEY");
    assumeTrue(key != null && !key.isBlank(), "no LOOKOUT_TEST_LLM_API_KEY: skipped");
    String base =
        System.getenv().getOrDefault("LOOKOUT_TEST_LLM_BASE_URL", "https://api.openai.com/v1");
    String model = System.getenv().getOrDefault("LOOKOUT_TEST_LLM_MODEL", "gpt-4o-mini");
    try (SandboxCluster sandbox = SandboxCluster.start()) {
      var tools =
          new AgentTools(
              "sandbox",
              sandbox.client(),
              Analyzers.all(),
              null,
              new SandboxMetrics(sandbox.client()),
              Clock.systemUTC());
      var offline =
          OfflineAgent.create(
              Map.of("sandbox", sandbox.client()),
              "sandbox",
              new RuleCommandParser(),
              Analyzers.all(),
              null);
      LlmOptions options = LlmOptions.defaults(base, key, model);
      ModelAgent agent =
          new ModelAgent(
              Models.openAiCompatible(options),
              options,
              tools,
              offline,
              new RuleCommandParser(),
              AgentMetrics.NONE,
              Clock.systemUTC());

      Answer answer =
          agent.ask(new Question("why does order-service keep restarting in prod?", "test:real"));

      assertThat(answer.degraded()).as(answer.summary()).isFalse();
      assertThat(answer.summary() + answer.sections()).containsIgnoringCase("memory");
    }
  }
}
