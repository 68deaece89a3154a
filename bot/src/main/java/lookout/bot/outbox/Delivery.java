package lookout.bot.outbox;

import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;

/**
 * One claimed outbox row: a post into {@code where}, or an update of {@code target} (a platform
 * message id, or {@code outbox:<id>} for a post not yet known by its platform id).
 *
 * @param attempts how many times it has been claimed, this time included
 */
record Delivery(
    long id, Kind kind, ConversationRef where, String target, Message message, int attempts) {
  enum Kind {
    POST,
    UPDATE
  }
}
