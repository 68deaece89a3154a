package lookout.agent.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import java.util.List;
import java.util.Map;

/**
 * An MCP tool's input schema (JSON Schema) as the parameters of a model tool: each property's
 * schema is passed through as written, so enums, formats and nested objects reach the model intact.
 */
final class ToolSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolSchemas() {}

  static JsonObjectSchema parameters(Map<String, Object> inputSchema) {
    JsonObjectSchema.Builder out = JsonObjectSchema.builder();
    if (inputSchema == null) {
      return out.build();
    }
    if (inputSchema.get("properties") instanceof Map<?, ?> properties) {
      for (Map.Entry<?, ?> p : properties.entrySet()) {
        out.addProperty(String.valueOf(p.getKey()), JsonRawSchema.from(json(p.getValue())));
      }
    }
    if (inputSchema.get("required") instanceof List<?> required) {
      out.required(required.stream().map(String::valueOf).toList());
    }
    return out.build();
  }

  private static String json(Object schema) {
    try {
      return JSON.writeValueAsString(schema);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("tool schema is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
