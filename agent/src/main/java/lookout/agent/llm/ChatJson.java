package lookout.agent.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;

/**
 * The body of an OpenAI-compatible {@code POST /chat/completions}: messages and tools in the order
 * given, written the same way every time, so the system prompt and tool schemas are a
 * byte-identical prefix across questions and providers' prompt caches apply.
 */
final class ChatJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private ChatJson() {}

  static String body(ChatRequest request, String model, double temperature, int maxTokens) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", model);
    ArrayNode messages = root.putArray("messages");
    for (ChatMessage m : request.messages()) {
      message(messages.addObject(), m);
    }
    List<ToolSpecification> tools = request.toolSpecifications();
    if (tools != null && !tools.isEmpty()) {
      ArrayNode array = root.putArray("tools");
      for (ToolSpecification spec : tools) {
        ObjectNode function = array.addObject().put("type", "function").putObject("function");
        function.put("name", spec.name());
        if (spec.description() != null) {
          function.put("description", spec.description());
        }
        if (spec.parameters() == null) {
          // a tool without parameters still gets a schema: some servers' tool parsers need one
          function.putObject("parameters").put("type", "object").putObject("properties");
        } else {
          function.set(
              "parameters", JSON.valueToTree(JsonSchemaElementUtils.toMap(spec.parameters())));
        }
      }
    }
    root.put("temperature", temperature);
    root.put("max_tokens", maxTokens);
    root.put("stream", true);
    // usage in the last chunk; servers that do not know the option ignore it
    root.putObject("stream_options").put("include_usage", true);
    return root.toString();
  }

  private static void message(ObjectNode out, ChatMessage m) {
    switch (m) {
      case SystemMessage s -> out.put("role", "system").put("content", s.text());
      case UserMessage u -> out.put("role", "user").put("content", u.singleText());
      case ToolExecutionResultMessage t ->
          out.put("role", "tool").put("tool_call_id", t.id()).put("content", t.text());
      case AiMessage a -> {
        out.put("role", "assistant");
        if (a.text() == null) {
          out.putNull("content");
        } else {
          out.put("content", a.text());
        }
        if (a.hasToolExecutionRequests()) {
          ArrayNode calls = out.putArray("tool_calls");
          for (ToolExecutionRequest r : a.toolExecutionRequests()) {
            ObjectNode call = calls.addObject().put("id", r.id()).put("type", "function");
            call.putObject("function")
                .put("name", r.name())
                .put("arguments", r.arguments() == null ? "{}" : r.arguments());
          }
        }
      }
      default ->
          throw new IllegalArgumentException(
              "cannot send a " + m.type() + " message to an OpenAI-compatible model");
    }
  }
}
