package lookout.bot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import lookout.agent.llm.AgentMetrics;
import lookout.agent.llm.Usage;

/**
 * The LLM agent's meters on {@code /metrics}: {@code lookout_llm_calls_total{outcome}}, {@code
 * lookout_llm_call_seconds}, {@code lookout_llm_tokens_total{kind=prompt|completion}}, {@code
 * lookout_llm_tool_calls_total{tool,outcome}}, {@code lookout_llm_fallbacks_total{reason}}; per
 * question {@code lookout_llm_first_reply_seconds} (question to evidence shown), {@code
 * lookout_llm_analysis_seconds} (question to the model's analysis complete), {@code
 * lookout_llm_round_trips} and {@code lookout_llm_question_tokens{kind=billed|cached}} (summed over
 * the question's round trips).
 */
public final class AgentMeters implements AgentMetrics {
  private final MeterRegistry registry;

  public AgentMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void modelCall(String outcome, Duration latency, int promptTokens, int completionTokens) {
    counter("lookout_llm_calls", "Model round trips by outcome", "outcome", outcome).increment();
    Timer.builder("lookout_llm_call")
        .description("Latency of one model round trip")
        .tag("outcome", outcome)
        .register(registry)
        .record(latency);
    counter("lookout_llm_tokens", "Tokens reported by the model", "kind", "prompt")
        .increment(promptTokens);
    counter("lookout_llm_tokens", "Tokens reported by the model", "kind", "completion")
        .increment(completionTokens);
  }

  @Override
  public void toolCall(String tool, String outcome) {
    counter(
            "lookout_llm_tool_calls",
            "Tool calls by tool and outcome",
            "tool",
            tool,
            "outcome",
            outcome)
        .increment();
  }

  @Override
  public void fallback(String reason) {
    counter(
            "lookout_llm_fallbacks",
            "Answers given offline because the model failed",
            "reason",
            reason)
        .increment();
  }

  @Override
  public void firstReply(Duration elapsed) {
    Timer.builder("lookout_llm_first_reply")
        .description("From a question reaching the agent to its evidence being shown")
        .publishPercentiles(0.5, 0.95)
        .register(registry)
        .record(elapsed);
  }

  @Override
  public void analysis(Duration elapsed, int roundTrips, Usage billed) {
    Timer.builder("lookout_llm_analysis")
        .description("From a question reaching the agent to the model's analysis complete")
        .publishPercentiles(0.5, 0.95)
        .register(registry)
        .record(elapsed);
    DistributionSummary.builder("lookout_llm_round_trips")
        .description("Model round trips per question")
        .register(registry)
        .record(roundTrips);
    DistributionSummary.builder("lookout_llm_question_tokens")
        .description("Prompt + completion tokens billed per question, all round trips")
        .tag("kind", "billed")
        .register(registry)
        .record(billed.total());
    DistributionSummary.builder("lookout_llm_question_tokens")
        .description("Prompt + completion tokens billed per question, all round trips")
        .tag("kind", "cached")
        .register(registry)
        .record(billed.cached());
  }

  private Counter counter(String name, String help, String... tags) {
    return Counter.builder(name).description(help).tags(tags).register(registry);
  }
}
