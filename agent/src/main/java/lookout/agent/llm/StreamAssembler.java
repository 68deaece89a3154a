package lookout.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds one completion from the chunks of an OpenAI-compatible stream, as the servers Lookout
 * meets actually send them:
 *
 * <ul>
 *   <li>content deltas go to the person at once (through {@link TextGate});
 *   <li>{@code reasoning_content} (DeepSeek, vLLM's reasoning parsers) and {@code reasoning} are
 *       never shown and never sent back;
 *   <li>tool-call deltas are joined by {@code index}; a delta without an index (DashScope, some
 *       Ollama builds) continues the last call unless it carries a new non-empty id; a name
 *       repeated in every delta (DashScope) is kept once; a call sent whole in one chunk (Ollama)
 *       is one delta;
 *   <li>{@code finish_reason} is not trusted (Ollama says {@code stop} after tool calls): calls are
 *       calls when there are any;
 *   <li>usage comes in a chunk of its own, with or without choices, or not at all;
 * </ul>
 */
final class StreamAssembler {
  private final StringBuilder text = new StringBuilder();
  private final List<Call> calls = new ArrayList<>();
  private final TextGate gate;
  private int reasoningChars;
  private JsonNode usage;

  private static final class Call {
    String id = "";
    String name = "";
    final StringBuilder arguments = new StringBuilder();
    int index;
  }

  StreamAssembler(Consumer<String> onText) {
    this.gate = new TextGate(onText);
  }

  /** One {@code data:} payload (not {@code [DONE]}). */
  void chunk(JsonNode chunk) {
    if (chunk.hasNonNull("usage") && chunk.get("usage").isObject()) {
      usage = chunk.get("usage");
    }
    for (JsonNode choice : chunk.path("choices")) {
      JsonNode delta = choice.has("delta") ? choice.get("delta") : choice.path("message");
      String reasoning = delta.path("reasoning_content").asText(delta.path("reasoning").asText(""));
      reasoningChars += reasoning.length();
      JsonNode content = delta.get("content");
      if (content != null && content.isTextual()) {
        text.append(content.asText());
        gate.accept(content.asText());
      }
      for (JsonNode tc : delta.path("tool_calls")) {
        toolDelta(tc);
      }
    }
  }

  private void toolDelta(JsonNode tc) {
    String id = tc.path("id").asText("");
    JsonNode function = tc.path("function");
    Call call;
    if (tc.has("index") && tc.get("index").isInt()) {
      int index = tc.get("index").asInt();
      call = calls.stream().filter(c -> c.index == index).findFirst().orElse(null);
      if (call == null) {
        call = add(index);
      }
    } else if (calls.isEmpty() || !id.isEmpty() && !id.equals(calls.getLast().id)) {
      call = add(calls.size());
    } else {
      call = calls.getLast();
    }
    if (!id.isEmpty()) {
      call.id = id;
    }
    String name = function.path("name").asText("");
    if (!name.isEmpty() && !name.equals(call.name)) {
      call.name = call.name.isEmpty() ? name : call.name + name;
    }
    JsonNode args = function.get("arguments");
    if (args != null && !args.isNull()) {
      call.arguments.append(args.isTextual() ? args.asText() : args.toString());
    }
  }

  private Call add(int index) {
    Call c = new Call();
    c.index = index;
    calls.add(c);
    return c;
  }

  /**
   * The message: tool calls from {@code tool_calls}, or else those written into the text when
   * {@code offered} names them; the text without think blocks and written calls.
   */
  AiMessage message(Set<String> offered) {
    gate.finish();
    List<ToolExecutionRequest> requests = new ArrayList<>();
    int n = 0;
    for (Call c : calls) {
      if (c.name.isEmpty()) {
        continue;
      }
      n++;
      String args = c.arguments.toString().strip();
      requests.add(
          ToolExecutionRequest.builder()
              .id(c.id.isEmpty() ? "call_" + n : c.id)
              .name(c.name)
              .arguments(args.isEmpty() ? "{}" : args)
              .build());
    }
    TextToolCalls.Split split =
        TextToolCalls.split(text.toString(), requests.isEmpty() ? offered : Set.of(), 1);
    requests.addAll(split.calls());
    String answer = split.text().isEmpty() ? null : split.text();
    return requests.isEmpty()
        ? AiMessage.from(answer == null ? "" : answer)
        : AiMessage.from(answer, requests);
  }

  /** The provider's usage, or an estimate from characters when it sent none. */
  Usage usage(int requestChars) {
    if (usage == null) {
      int out = text.length() + reasoningChars;
      for (Call c : calls) {
        out += c.name.length() + c.arguments.length();
      }
      return Usage.estimate(requestChars, out);
    }
    int prompt = usage.path("prompt_tokens").asInt(usage.path("input_tokens").asInt(0));
    int completion = usage.path("completion_tokens").asInt(usage.path("output_tokens").asInt(0));
    int cached =
        usage
            .path("prompt_tokens_details")
            .path("cached_tokens")
            .asInt(usage.path("prompt_cache_hit_tokens").asInt(0));
    return new Usage(prompt, completion, cached, true);
  }
}
