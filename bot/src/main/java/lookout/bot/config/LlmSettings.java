package lookout.bot.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import lookout.agent.llm.LlmOptions;

/**
 * The {@code llm:} block: an OpenAI-compatible chat endpoint. No block (or no {@code model}) = the
 * offline agent. {@code apiKey} may be omitted for local servers (vLLM, Ollama) that ignore it; it
 * is never printed ({@link #toString()}, problems hide it).
 */
public record LlmSettings(Optional<LlmOptions> options) {
  static final Set<String> KEYS =
      Set.of(
          "baseUrl",
          "apiKey",
          "model",
          "timeout",
          "temperature",
          "maxSteps",
          "tokenBudget",
          "maxAnswerTokens",
          "memoryTurns");

  public static LlmSettings offline() {
    return new LlmSettings(Optional.empty());
  }

  public boolean enabled() {
    return options.isPresent();
  }

  static LlmSettings bind(ConfigTree t, ObjectNode root) {
    if (!root.has("llm") || root.get("llm").isNull()) {
      return offline();
    }
    ObjectNode s = t.object(root, "llm", "llm", KEYS);
    Optional<String> model = t.string(s, "model", "llm.model");
    Optional<String> baseUrl = t.string(s, "baseUrl", "llm.baseUrl");
    String apiKey = t.string(s, "apiKey", "llm.apiKey").orElse("not-needed");
    Duration timeout = t.duration(s, "timeout", "llm.timeout", Duration.ofSeconds(60));
    double temperature = 0.1;
    Optional<String> temp = t.string(s, "temperature", "llm.temperature");
    if (temp.isPresent()) {
      try {
        temperature = Double.parseDouble(temp.get());
        if (temperature < 0 || temperature > 2) {
          t.problem("llm.temperature", temp.get(), "a number from 0 to 2");
        }
      } catch (NumberFormatException e) {
        t.problem("llm.temperature", temp.get(), "a number from 0 to 2");
      }
    }
    int maxSteps = t.integer(s, "maxSteps", "llm.maxSteps", 5, 1, 20);
    int tokenBudget = t.integer(s, "tokenBudget", "llm.tokenBudget", 30_000, 1_000, 1_000_000);
    int maxAnswer = t.integer(s, "maxAnswerTokens", "llm.maxAnswerTokens", 1_000, 50, 32_000);
    int turns = t.integer(s, "memoryTurns", "llm.memoryTurns", 6, 0, 50);
    if (model.isEmpty() || model.get().isBlank()) {
      t.problem("llm.model", "", "the model name, e.g. gpt-4o-mini, deepseek-chat, qwen-plus");
    }
    if (baseUrl.isEmpty() || !ConfigTree.httpUrl(baseUrl.get())) {
      t.problem(
          "llm.baseUrl",
          baseUrl.orElse(""),
          "the OpenAI-compatible API base URL, e.g. https://api.openai.com/v1");
    }
    if (model.isEmpty() || baseUrl.isEmpty()) {
      return offline();
    }
    return new LlmSettings(
        Optional.of(
            new LlmOptions(
                baseUrl.get(),
                apiKey,
                model.get(),
                timeout,
                temperature,
                maxSteps,
                tokenBudget,
                maxAnswer,
                turns)));
  }

  @Override
  public String toString() {
    return "LlmSettings[" + options.map(LlmOptions::toString).orElse("offline") + "]";
  }
}
