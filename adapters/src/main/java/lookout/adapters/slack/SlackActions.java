package lookout.adapters.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.UserRef;

/**
 * Reads an interactivity request (form-encoded {@code payload=<json>}, already verified) into the
 * button presses it carries. Only {@code block_actions} on a message are clicks; other payload
 * types yield none.
 */
final class SlackActions {
  private SlackActions() {}

  static List<Click> parse(byte[] formBody) {
    return fromPayload(SlackEvents.read(payload(formBody).getBytes(StandardCharsets.UTF_8)));
  }

  /** The clicks in an interactivity payload already parsed from JSON (Socket Mode sends it so). */
  static List<Click> fromPayload(JsonNode root) {
    if (!SlackEvents.text(root, "type", "").equals("block_actions")) {
      return List.of();
    }
    String user = SlackEvents.required(root.path("user"), "id", "user");
    JsonNode container = root.path("container");
    String channel = SlackEvents.text(container, "channel_id", null);
    if (channel == null) {
      channel = SlackEvents.required(root.path("channel"), "id", "channel");
    }
    String ts = SlackEvents.text(container, "message_ts", null);
    if (ts == null) {
      ts = SlackEvents.required(root.path("message"), "ts", "message");
    }
    String thread = SlackEvents.text(root.path("message"), "thread_ts", null);
    MessageRef message =
        new MessageRef(new ConversationRef(SlackEvents.PLATFORM, channel, thread), ts);
    UserRef who = new UserRef(SlackEvents.PLATFORM, user);
    List<Click> clicks = new ArrayList<>();
    for (JsonNode action : root.path("actions")) {
      String value = SlackEvents.text(action, "value", null);
      if (value != null && !value.isEmpty()) {
        clicks.add(new Click(message, who, value));
      }
    }
    return clicks;
  }

  private static String payload(byte[] formBody) {
    String form = new String(formBody, StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals("payload")) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw new BadSlackRequest("payload: not valid form encoding");
        }
      }
    }
    throw new BadSlackRequest("body: no payload= field in the form");
  }
}
