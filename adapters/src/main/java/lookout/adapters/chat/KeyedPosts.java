package lookout.adapters.chat;

import java.time.Instant;
import java.util.Optional;

/**
 * Optional for a {@link ChatAdapter} whose platform can carry a sender's key on a message and find
 * it again. A sender that may have died (or timed out) after the platform accepted a post asks
 * {@link #find} before posting again and adopts what it finds, so the post is not repeated.
 * Platforms without such a lookup simply do not implement this; their posts stay at least once.
 */
public interface KeyedPosts {
  /**
   * Posts like {@link ChatAdapter#post}, with {@code key} (at most 64 characters of letters,
   * digits, {@code -_.:@}) stored on the message where {@link #find} can see it.
   */
  MessageRef post(ConversationRef where, Message message, String key);

  /**
   * The message this adapter posted into {@code where} with {@code key}, no earlier than {@code
   * since}, or empty when there is none. Throws {@link ChatRetryLater} when the platform cannot be
   * asked right now, {@link ChatException} when it refuses to answer.
   */
  Optional<MessageRef> find(ConversationRef where, String key, Instant since);
}
