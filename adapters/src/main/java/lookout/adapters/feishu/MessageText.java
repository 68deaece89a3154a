package lookout.adapters.feishu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code content} of a received {@code text} or {@code post} (rich text) message into the
 * plain text the agent reads. Mentions arrive as placeholders ({@code @_user_1}) with their names
 * in the event's {@code mentions}: the bot's own mention is removed, other people keep their
 * {@code @name}. Rich text keeps its title, text runs, links and code, one line per paragraph.
 */
final class MessageText {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One entry of the event's {@code mentions}: its placeholder key, name and whether it is us. */
  record Mention(String key, String name, boolean bot) {}

  private MessageText() {}

  /**
   * @throws BadFeishuRequest when the content is not the JSON Feishu sends for the type
   */
  static String of(String messageType, String content, List<Mention> mentions) {
    JsonNode root;
    try {
      root = JSON.readTree(content == null ? "" : content);
    } catch (IOException e) {
      throw new BadFeishuRequest("message.content: not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new BadFeishuRequest("message.content: expected a JSON object");
    }
    String text =
        switch (messageType) {
          case "text" -> root.path("text").asText("");
          case "post" -> post(root);
          default -> "";
        };
    return resolve(text, mentions);
  }

  private static String post(JsonNode root) {
    JsonNode body = root.has("content") ? root : firstLocale(root);
    StringBuilder out = new StringBuilder();
    String title = body.path("title").asText("");
    if (!title.isBlank()) {
      out.append(title).append('\n');
    }
    for (JsonNode paragraph : body.path("content")) {
      for (JsonNode run : paragraph) {
        switch (run.path("tag").asText("")) {
          case "text", "a", "code_block" -> out.append(run.path("text").asText(""));
          case "at" -> out.append(run.path("user_id").asText(""));
          default -> {}
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Older rich-text payloads wrap the body in a locale ({@code zh_cn}, {@code en_us}). */
  private static JsonNode firstLocale(JsonNode root) {
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (e.getValue().isObject()) {
        return e.getValue();
      }
    }
    return root;
  }

  private static String resolve(String text, List<Mention> mentions) {
    String out = text;
    // Longest keys first, so @_user_1 does not eat the start of @_user_10.
    List<Mention> ordered =
        mentions.stream().sorted((a, b) -> b.key().length() - a.key().length()).toList();
    for (Mention m : ordered) {
      out = out.replace(m.key(), m.bot() ? "" : "@" + m.name());
    }
    return out.replaceAll("[ \\t\\x0B\\f\\r\\u3000]+", " ").replaceAll(" ?\n ?", "\n").strip();
  }
}
