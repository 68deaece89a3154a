package lookout.agent.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** JSON trees for the sandbox's request and response bodies. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The parsed body, or null when it is empty or not JSON. */
  static JsonNode parse(String json) {
    try {
      return json == null || json.isBlank() ? null : MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }
}
