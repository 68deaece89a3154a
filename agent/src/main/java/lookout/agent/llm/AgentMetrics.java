package lookout.agent.llm;

import java.time.Duration;

/** What the LLM agent reports; the bot records it on {@code /metrics}. Must not throw. */
public interface AgentMetrics {
  /**
   * @param outcome ok, error or timeout
   */
  void modelCall(String outcome, Duration latency, int promptTokens, int completionTokens);

  /**
   * @param outcome success, no_data, error, approval_required, refused, repeated
   */
  void toolCall(String tool, String outcome);

  /**
   * @param reason model_error, model_timeout
   */
  void fallback(String reason);

  /** The evidence was ready to show, {@code elapsed} after the question reached the agent. */
  default void firstReply(Duration elapsed) {}

  /**
   * The model's analysis ended.
   *
   * @param elapsed since the question reached the agent
   * @param roundTrips model calls made
   * @param billed tokens summed over those calls
   */
  default void analysis(Duration elapsed, int roundTrips, Usage billed) {}

  AgentMetrics NONE =
      new AgentMetrics() {
        @Override
        public void modelCall(String outcome, Duration latency, int prompt, int completion) {}

        @Override
        public void toolCall(String tool, String outcome) {}

        @Override
        public void fallback(String reason) {}
      };
}
