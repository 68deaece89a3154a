package lookout.agent.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How the agent talks to its model and how much one question may cost.
 *
 * @param baseUrl the OpenAI-compatible API base, e.g. {@code https://api.openai.com/v1}
 * @param apiKey sent as a bearer token; never printed
 * @param maxSteps model round trips per question (the last one gets no tools, forcing an answer)
 * @param tokenBudget prompt + completion tokens per question, summed over its round trips
 * @param memoryTurns question/answer pairs kept per thread for follow-ups
 */
public record LlmOptions(
    String baseUrl,
    String apiKey,
    String model,
    Duration timeout,
    double temperature,
    int maxSteps,
    int tokenBudget,
    int maxAnswerTokens,
    int memoryTurns) {
  public LlmOptions {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(timeout, "timeout");
  }

  public static LlmOptions defaults(String baseUrl, String apiKey, String model) {
    return new LlmOptions(baseUrl, apiKey, model, Duration.ofSeconds(60), 0.1, 5, 30_000, 1_000, 6);
  }

  public LlmOptions withTimeout(Duration t) {
    return new LlmOptions(
        baseUrl,
        apiKey,
        model,
        t,
        temperature,
        maxSteps,
        tokenBudget,
        maxAnswerTokens,
        memoryTurns);
  }

  public LlmOptions withBudget(int steps, int tokens) {
    return new LlmOptions(
        baseUrl, apiKey, model, timeout, temperature, steps, tokens, maxAnswerTokens, memoryTurns);
  }

  @Override
  public String toString() {
    return "LlmOptions[baseUrl="
        + baseUrl
        + ", apiKey=***, model="
        + model
        + ", timeout="
        + timeout
        + ", temperature="
        + temperature
        + ", maxSteps="
        + maxSteps
        + ", tokenBudget="
        + tokenBudget
        + ", maxAnswerTokens="
        + maxAnswerTokens
        + ", memoryTurns="
        + memoryTurns
        + "]";
  }
}
