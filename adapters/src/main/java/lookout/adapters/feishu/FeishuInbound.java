package lookout.adapters.feishu;

import com.lark.oapi.event.cardcallback.model.CallBackContext;
import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import com.lark.oapi.service.im.v1.model.EventMessage;
import com.lark.oapi.service.im.v1.model.MentionEvent;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.UserRef;

/**
 * Reads the SDK's typed events into the neutral model. A message is for the bot when it is direct
 * ({@code chat_type: p2p}) or, in a group, when it @-mentions the bot (the bot's {@code open_id}
 * when configured, otherwise the mention the text starts with, or else the first one: without the
 * "read all group messages" scope Feishu only delivers messages that mention the bot). Only
 * people's messages count. The answer goes into the thread of the message that asked (a reply to
 * it).
 */
final class FeishuInbound {
  static final String PLATFORM = "feishu";
  private static final Pattern LEADING = Pattern.compile("\"text\"\\s*:\\s*\"\\s*(@_user_\\d+)");

  private final String botOpenId;

  /**
   * @param botOpenId the bot's own open_id, or null to treat a leading mention as the bot's
   */
  FeishuInbound(String botOpenId) {
    this.botOpenId = botOpenId == null || botOpenId.isBlank() ? null : botOpenId;
  }

  Optional<Inbound> message(P2MessageReceiveV1 event) {
    String eventId =
        required(
            event.getHeader() == null ? null : event.getHeader().getEventId(), "header.event_id");
    if (event.getEvent() == null || event.getEvent().getMessage() == null) {
      throw new BadFeishuRequest("event.message: missing in " + eventId);
    }
    var sender = event.getEvent().getSender();
    if (sender == null || !"user".equals(sender.getSenderType())) {
      return Optional.empty();
    }
    String openId =
        required(
            sender.getSenderId() == null ? null : sender.getSenderId().getOpenId(),
            "event.sender.sender_id.open_id");
    EventMessage m = event.getEvent().getMessage();
    String messageId = required(m.getMessageId(), "event.message.message_id");
    String chatId = required(m.getChatId(), "event.message.chat_id");
    String type = m.getMessageType() == null ? "" : m.getMessageType();
    if (!type.equals("text") && !type.equals("post")) {
      return Optional.empty();
    }
    boolean direct = "p2p".equals(m.getChatType());
    List<MessageText.Mention> mentions = mentions(m);
    if (!direct && mentions.stream().noneMatch(MessageText.Mention::bot)) {
      return Optional.empty();
    }
    String text = MessageText.of(type, m.getContent(), mentions);
    return Optional.of(
        new Inbound(
            eventId,
            new ConversationRef(PLATFORM, chatId, messageId),
            messageId,
            new UserRef(PLATFORM, openId),
            text));
  }

  private List<MessageText.Mention> mentions(EventMessage m) {
    List<MessageText.Mention> out = new ArrayList<>();
    MentionEvent[] all = m.getMentions() == null ? new MentionEvent[0] : m.getMentions();
    // Without the bot's open_id: the placeholder the text starts with, else the first mention.
    String guessed = leadingKey(m.getContent());
    if (guessed == null && all.length > 0 && all[0] != null) {
      guessed = all[0].getKey();
    }
    for (MentionEvent e : all) {
      if (e == null || e.getKey() == null) {
        continue;
      }
      String openId = e.getId() == null ? null : e.getId().getOpenId();
      boolean bot = botOpenId != null ? botOpenId.equals(openId) : e.getKey().equals(guessed);
      out.add(new MessageText.Mention(e.getKey(), e.getName() == null ? "" : e.getName(), bot));
    }
    return out;
  }

  /** The placeholder a text starts with ({@code @_user_1}), or null. */
  private static String leadingKey(String content) {
    if (content == null) {
      return null;
    }
    var matcher = LEADING.matcher(content);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** The click a {@code card.action.trigger} carries, if its button has one of our tokens. */
  static Optional<Click> click(P2CardActionTrigger event) {
    var data = event.getEvent();
    if (data == null) {
      throw new BadFeishuRequest("event: missing in card.action.trigger");
    }
    String openId =
        required(
            data.getOperator() == null ? null : data.getOperator().getOpenId(),
            "event.operator.open_id");
    CallBackContext context = data.getContext();
    String messageId =
        required(
            context == null ? null : context.getOpenMessageId(), "event.context.open_message_id");
    String chatId = required(context.getOpenChatId(), "event.context.open_chat_id");
    Object token =
        data.getAction() == null || data.getAction().getValue() == null
            ? null
            : data.getAction().getValue().get(CardRenderer.TOKEN_KEY);
    if (!(token instanceof String t) || t.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Click(
            new MessageRef(new ConversationRef(PLATFORM, chatId, messageId), messageId),
            new UserRef(PLATFORM, openId),
            t));
  }

  private static String required(String value, String path) {
    if (value == null || value.isBlank()) {
      throw new BadFeishuRequest(path + ": missing or empty");
    }
    return value;
  }
}
