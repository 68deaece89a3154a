package lookout.adapters.slack;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.UserRef;

/**
 * Reads an Events API body (already verified) into a {@link SlackEvent}: {@code url_verification},
 * and {@code event_callback} carrying an {@code app_mention} or a direct message ({@code message}
 * in an {@code im} channel). Messages from any bot, including this one, and message edits or
 * deletions are ignored. A mention is answered in its thread (a new one rooted at the mention if it
 * was not in a thread); a direct message in its thread only if it was written in one.
 */
final class SlackEvents {
  static final String PLATFORM = "slack";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackEvents() {}

  static SlackEvent parse(byte[] body) {
    JsonNode root = read(body);
    String type = text(root, "type", "");
    return switch (type) {
      case "url_verification" -> new SlackEvent.Challenge(required(root, "challenge", ""));
      case "event_callback" -> callback(root);
      default -> new SlackEvent.Ignored("request type \"" + type + "\"");
    };
  }

  static JsonNode read(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        throw new BadSlackRequest("body: expected a JSON object");
      }
      return root;
    } catch (JacksonException e) {
      throw new BadSlackRequest("body: not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadSlackRequest("body: unreadable: " + e.getMessage());
    }
  }

  private static SlackEvent callback(JsonNode root) {
    String eventId = required(root, "event_id", "");
    JsonNode event = root.path("event");
    if (!event.isObject()) {
      throw new BadSlackRequest("event: expected an object in event_callback " + eventId);
    }
    String type = text(event, "type", "");
    boolean mention = type.equals("app_mention");
    boolean direct = type.equals("message") && text(event, "channel_type", "").equals("im");
    if (!mention && !direct) {
      return new SlackEvent.Ignored("event type \"" + type + "\"");
    }
    String botUser = botUserId(root);
    String user = text(event, "user", null);
    if (event.hasNonNull("bot_id") || user == null || user.equals(botUser)) {
      return new SlackEvent.Ignored("a bot's message");
    }
    if (event.hasNonNull("subtype")) {
      return new SlackEvent.Ignored("message subtype \"" + text(event, "subtype", "") + "\"");
    }
    String where = "event." + eventId;
    String channel = required(event, "channel", where);
    String ts = required(event, "ts", where);
    String threadTs = text(event, "thread_ts", null);
    String thread = threadTs != null ? threadTs : (mention ? ts : null);
    Inbound inbound =
        new Inbound(
            eventId,
            new ConversationRef(PLATFORM, channel, thread),
            ts,
            new UserRef(PLATFORM, user),
            MentionText.strip(text(event, "text", ""), botUser));
    return new SlackEvent.ForBot(inbound);
  }

  /** The bot's own user id, from the authorizations Slack attaches to each event. */
  private static String botUserId(JsonNode root) {
    for (JsonNode a : root.path("authorizations")) {
      if (a.path("is_bot").asBoolean(false) && a.hasNonNull("user_id")) {
        return a.get("user_id").asText();
      }
    }
    return null;
  }

  static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : fallback;
  }

  static String required(JsonNode node, String field, String where) {
    String value = text(node, field, null);
    if (value == null || value.isEmpty()) {
      String path = where.isEmpty() ? field : where + "." + field;
      throw new BadSlackRequest(path + ": missing or not a string");
    }
    return value;
  }
}
