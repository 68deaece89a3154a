package lookout.agent.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A model that streams: the text of its answer reaches {@code onText} as it is written, and the
 * whole message (text and tool calls) comes back at the end. Owned by the agent; {@link
 * OpenAiStream} speaks to OpenAI-compatible servers, {@link #of} wraps any langchain4j model that
 * does not stream.
 */
public interface ModelClient {
  /** One model call and what it cost. */
  record Completion(AiMessage message, Usage usage) {}

  /**
   * @param deadline the call fails with a timeout at this instant, however far it got
   * @param onText parts of the answer's prose, in order, as they arrive (never tool calls or
   *     reasoning)
   * @throws RuntimeException when the model fails; {@link ModelFailure} says whether it timed out
   */
  Completion complete(ChatRequest request, Instant deadline, Consumer<String> onText);

  /** A non-streaming langchain4j model: its whole text arrives at once, at the end. */
  static ModelClient of(dev.langchain4j.model.chat.ChatModel model) {
    if (model instanceof ModelClient client) {
      return client;
    }
    return (request, deadline, onText) -> {
      var response = model.chat(request);
      var u = response.tokenUsage();
      Usage usage =
          u == null
              ? Usage.NONE
              : new Usage(
                  u.inputTokenCount() == null ? 0 : u.inputTokenCount(),
                  u.outputTokenCount() == null ? 0 : u.outputTokenCount(),
                  0,
                  true);
      String text = response.aiMessage().text();
      if (text != null && !response.aiMessage().hasToolExecutionRequests()) {
        onText.accept(text);
      }
      return new Completion(response.aiMessage(), usage);
    };
  }
}
