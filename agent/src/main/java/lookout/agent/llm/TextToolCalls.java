package lookout.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tool calls a server wrote into the message text instead of {@code tool_calls} — vLLM or Ollama
 * without (or with the wrong) tool parser, Qwen's and Hermes' {@code <tool_call>{…}</tool_call>}, a
 * bare {@code {"name": …, "arguments": …}} object, the same in a fenced JSON block — and the {@code
 * <think>} blocks reasoning models write before the answer. Only names of offered tools count as
 * calls, so an answer quoting JSON stays an answer.
 */
final class TextToolCalls {
  private static final Pattern TAGGED =
      Pattern.compile("<tool_call>\\s*(\\{.*?\\})\\s*</tool_call>", Pattern.DOTALL);
  private static final Pattern FENCED =
      Pattern.compile("^```(?:json)?\\s*(\\{.*\\})\\s*```$", Pattern.DOTALL);
  private static final Pattern THINK = Pattern.compile("<think>.*?</think>", Pattern.DOTALL);

  /** The text without its tool calls, and the calls. */
  record Split(String text, List<ToolExecutionRequest> calls) {}

  private TextToolCalls() {}

  static boolean looksLikeCall(String head) {
    return head.startsWith("<tool_call>")
        || head.startsWith("{")
        || head.matches("(?s)^```(?:json)?\\s*\\{.*");
  }

  static String withoutThinking(String text) {
    String out = THINK.matcher(text).replaceAll("");
    int open = out.indexOf("<think>");
    return open >= 0 ? out.substring(0, open) : out;
  }

  /**
   * @param offered names of the tools this request offered; nothing else is taken for a call
   */
  static Split split(String text, java.util.Set<String> offered, int firstId) {
    String clean = withoutThinking(text).strip();
    List<ToolExecutionRequest> calls = new ArrayList<>();
    if (offered.isEmpty()) {
      return new Split(clean, calls);
    }
    Matcher tagged = TAGGED.matcher(clean);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (tagged.find()) {
      ToolExecutionRequest call = call(tagged.group(1), offered, firstId + calls.size());
      if (call != null) {
        calls.add(call);
        rest.append(clean, last, tagged.start());
        last = tagged.end();
      }
    }
    rest.append(clean.substring(last));
    if (!calls.isEmpty()) {
      return new Split(rest.toString().strip(), calls);
    }
    Matcher fenced = FENCED.matcher(clean);
    String object = fenced.matches() ? fenced.group(1) : clean.startsWith("{") ? clean : null;
    if (object != null) {
      ToolExecutionRequest call = call(object, offered, firstId);
      if (call != null) {
        return new Split("", List.of(call));
      }
    }
    return new Split(clean, calls);
  }

  /** {"name": …, "arguments" | "parameters": {…} or "…"}, when the name is an offered tool. */
  private static ToolExecutionRequest call(String json, java.util.Set<String> offered, int id) {
    JsonNode node;
    try {
      node = ChatJson.JSON.readTree(json);
    } catch (java.io.IOException e) {
      return null;
    }
    JsonNode function = node.has("function") ? node.get("function") : node;
    String name = function.path("name").asText("");
    if (!offered.contains(name)) {
      return null;
    }
    JsonNode args =
        function.has("arguments") ? function.get("arguments") : function.get("parameters");
    String arguments =
        args == null || args.isNull() ? "{}" : args.isTextual() ? args.asText() : args.toString();
    return ToolExecutionRequest.builder()
        .id("text_call_" + id)
        .name(name)
        .arguments(arguments)
        .build();
  }
}
