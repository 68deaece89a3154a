package lookout.adapters.wecom;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.UserRef;

/**
 * Reads an AI-bot (智能机器人) callback (already decrypted JSON) into a {@link WecomEvent}: a {@code
 * text} message from a group @-mention ({@code chattype: group}, with {@code chatid}) or a single
 * chat, carrying its single-use {@code response_url}. The conversation is answered in the "thread"
 * of the message id, which is what the reply URL belongs to; a {@code stream} callback is WeCom
 * polling the stream reply of an earlier message. Other message types and events (entering the
 * chat, card clicks — Lookout sends its cards through the app) are ignored.
 */
final class AibotCallbacks {
  private static final ObjectMapper JSON = new ObjectMapper();
  // In groups the content starts with the bot's @name; WeCom only delivers messages that mention
  // the bot there, so the first @word is the bot.
  private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*@\\S+\\s*");

  private AibotCallbacks() {}

  /** The {@code encrypt} field of the outer body {@code {"encrypt": "…"}}. */
  static String encrypted(byte[] body) {
    JsonNode root = read(body, "body");
    JsonNode e = root.get("encrypt");
    if (e == null || !e.isTextual() || e.asText().isEmpty()) {
      throw new BadWecomRequest(400, "body: encrypt is missing or not a string");
    }
    return e.asText();
  }

  static WecomEvent parse(String json) {
    JsonNode m = read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "decrypted body");
    String type = m.path("msgtype").asText("");
    if (type.equals("stream")) {
      String id = m.path("stream").path("id").asText("");
      if (id.isEmpty()) {
        throw new BadWecomRequest(400, "decrypted body: stream.id is missing");
      }
      return new WecomEvent.StreamRefresh(id);
    }
    if (!type.equals("text")) {
      String event = m.path("event").path("eventtype").asText("");
      return new WecomEvent.Ignored("ai bot " + type + (event.isEmpty() ? "" : " " + event));
    }
    String msgId = required(m, "msgid");
    String user = m.path("from").path("userid").asText("");
    if (user.isEmpty()) {
      throw new BadWecomRequest(400, "decrypted body: from.userid is missing");
    }
    boolean group = "group".equals(m.path("chattype").asText(""));
    String chat = group ? required(m, "chatid") : user;
    String text = m.path("text").path("content").asText("");
    if (group) {
      text = LEADING_MENTION.matcher(text).replaceFirst("");
    }
    ConversationRef where =
        new ConversationRef(WecomAdapter.PLATFORM, Channels.aibot(chat, group), msgId);
    Inbound in =
        new Inbound(msgId, where, msgId, new UserRef(WecomAdapter.PLATFORM, user), text.strip());
    String url = m.path("response_url").asText("");
    return new WecomEvent.ForBot(in, url.isEmpty() ? null : url);
  }

  private static String required(JsonNode m, String field) {
    String v = m.path(field).asText("");
    if (v.isEmpty()) {
      throw new BadWecomRequest(400, "decrypted body: " + field + " is missing");
    }
    return v;
  }

  private static JsonNode read(byte[] body, String what) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        throw new BadWecomRequest(400, what + ": expected a JSON object");
      }
      return root;
    } catch (JacksonException e) {
      throw new BadWecomRequest(400, what + ": not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new BadWecomRequest(400, what + ": unreadable: " + e.getMessage());
    }
  }
}
