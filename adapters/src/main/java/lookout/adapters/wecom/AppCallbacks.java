package lookout.adapters.wecom;

import java.util.Map;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.UserRef;

/**
 * Reads a self-built app callback (already decrypted) into a {@link WecomEvent}: a {@code text}
 * message in the app chat, or a {@code template_card_event} (a button on one of our cards: {@code
 * EventKey} is the button's token, {@code TaskId} the card, {@code ResponseCode} the one-time right
 * to update it). The sender is {@code FromUserName}, a UserID from the verified payload.
 */
final class AppCallbacks {
  private AppCallbacks() {}

  static WecomEvent parse(String xml) {
    Map<String, String> f = FlatXml.read(xml, "decrypted app callback");
    String type = f.getOrDefault("MsgType", "");
    String user = required(f, "FromUserName");
    ConversationRef chat = new ConversationRef(WecomAdapter.PLATFORM, Channels.app(user), null);
    UserRef who = new UserRef(WecomAdapter.PLATFORM, user);
    if (type.equals("text")) {
      String msgId = required(f, "MsgId");
      return new WecomEvent.ForBot(
          new Inbound(msgId, chat, msgId, who, f.getOrDefault("Content", "").strip()), null);
    }
    if (type.equals("event") && "template_card_event".equals(f.get("Event"))) {
      String task = required(f, "TaskId");
      return new WecomEvent.CardClick(
          new Click(new MessageRef(chat, task), who, required(f, "EventKey")),
          f.get("ResponseCode"));
    }
    return new WecomEvent.Ignored(
        "app " + type + (f.containsKey("Event") ? " " + f.get("Event") : ""));
  }

  static String required(Map<String, String> f, String field) {
    String v = f.get(field);
    if (v == null || v.isEmpty()) {
      throw new BadWecomRequest(400, "decrypted app callback: " + field + " is missing");
    }
    return v;
  }
}
