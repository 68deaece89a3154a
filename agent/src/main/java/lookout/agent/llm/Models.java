package lookout.agent.llm;

import dev.langchain4j.model.chat.ChatModel;

/** Builds the chat model from options: any OpenAI-compatible endpoint. */
public final class Models {
  private Models() {}

  /**
   * Lookout's streaming client ({@link OpenAiStream}); it is also a langchain4j {@link ChatModel}
   * for callers that want the whole answer at once.
   */
  public static ChatModel openAiCompatible(LlmOptions o) {
    return new OpenAiStream(o);
  }
}
