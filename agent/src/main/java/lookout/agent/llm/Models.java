package lookout.agent.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds the chat model from options: any OpenAI-compatible endpoint through langchain4j. */
public final class Models {
  private Models() {}

  public static ChatModel openAiCompatible(LlmOptions o) {
    return OpenAiChatModel.builder()
        .baseUrl(o.baseUrl())
        .apiKey(o.apiKey())
        .modelName(o.model())
        .timeout(o.timeout())
        .temperature(o.temperature())
        .maxTokens(o.maxAnswerTokens())
        // one retry at most: a user is waiting, and the offline answer is the better fallback
        .maxRetries(1)
        .build();
  }
}
