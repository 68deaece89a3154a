package lookout.adapters.chat;

import java.util.Objects;

/**
 * Where a message lives: a platform, a channel (chat, group, room) and optionally the thread inside
 * it. {@code thread} is the id of the thread's root message, or null for the channel itself.
 */
public record ConversationRef(String platform, String channel, String thread) {
  public ConversationRef {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(channel, "channel");
  }

  /** The same channel, inside the thread rooted at {@code rootMessageId}. */
  public ConversationRef inThread(String rootMessageId) {
    return new ConversationRef(platform, channel, rootMessageId);
  }
}
