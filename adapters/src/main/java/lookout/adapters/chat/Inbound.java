package lookout.adapters.chat;

import java.util.Objects;

/**
 * A message addressed to the bot, already verified and stripped of mention markup.
 *
 * @param eventId the platform's delivery id, used to process each delivery once
 * @param conversation where to answer: the thread of the mention (adapters set it)
 * @param messageId the id of the user's message itself
 * @param user who wrote it, from the verified payload
 * @param text the text without the bot mention
 */
public record Inbound(
    String eventId, ConversationRef conversation, String messageId, UserRef user, String text) {
  public Inbound {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(text, "text");
  }
}
