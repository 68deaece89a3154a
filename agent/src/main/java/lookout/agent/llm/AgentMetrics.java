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
