package lookout.agent.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lookout.approvals.SilenceMatcher;

/** Reading Alertmanager's JSON: label sets, matchers and its three shapes of error body. */
final class AlertmanagerJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR = 300;

  private AlertmanagerJson() {}

  static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  static List<SilenceMatcher> matchers(JsonNode list) {
    List<SilenceMatcher> out = new ArrayList<>();
    for (JsonNode m : list) {
      out.add(
          new SilenceMatcher(
              m.path("name").asText(),
              m.path("value").asText(),
              m.path("isRegex").asBoolean(false),
              m.path("isEqual").asBoolean(true)));
    }
    return out;
  }

  /**
   * Alertmanager's words in an error body: a JSON string ({@code "silence not found"}), an object
   * with {@code message} ({@code {"code":612,"message":"…"}}), or plain text from a proxy.
   */
  static String error(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.isTextual()) {
        text = node.textValue();
      } else if (node != null && node.hasNonNull("message")) {
        text = node.get("message").asText();
      }
    } catch (IOException e) {
      // not JSON: keep the text
    }
    if (text.isEmpty()) {
      return "no details";
    }
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR) + "…";
  }
}
