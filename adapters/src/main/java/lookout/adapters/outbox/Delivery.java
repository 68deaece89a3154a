package lookout.adapters.outbox;

import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;

/**
 * One claimed outbox row: a post into {@code where}, or an update of {@code target} (a platform
 * message id, or {@code outbox:<id>} for a post not yet known by its platform id).
 *
 * @param attempts how many times it has been claimed, this time included
 * @param createdAt when it was queued, in epoch milliseconds
 * @param version for an edit, the version of the state it shows; null when it has none
 */
record Delivery(
    long id,
    Kind kind,
    ConversationRef where,
    String target,
    Message message,
    int attempts,
    long createdAt,
    Long version) {
  /**
   * The key a {@link lookout.adapters.chat.KeyedPosts} adapter stores on the post: the row id plus
   * its creation time, so two databases (say staging's and production's bot in one channel) never
   * claim each other's messages.
   */
  String key() {
    return "lookout-outbox-" + id + "@" + createdAt;
  }

  enum Kind {
    POST,
    UPDATE
  }
}
