package lookout.adapters.chat;

import java.util.Objects;

/** A message the bot posted, so it can be edited in place later. */
public record MessageRef(ConversationRef conversation, String messageId) {
  public MessageRef {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(messageId, "messageId");
  }
}
