package lookout.adapters.chat;

/**
 * One chat platform as the bot sees it: post a neutral message and edit it in place.
 * Implementations render the message to the platform's format within its limits. Methods block
 * (call them from a virtual thread) and throw {@link ChatException} when the platform refuses.
 */
public interface ChatAdapter {
  /**
   * The platform name used in {@link UserRef} and {@link ConversationRef}, e.g. {@code "console"}.
   */
  String platform();

  /** Posts {@code message} into {@code where} (a thread when {@code where.thread()} is set). */
  MessageRef post(ConversationRef where, Message message);

  /** Replaces the content of a message posted earlier. */
  void update(MessageRef ref, Message message);

  /**
   * How sending {@code message} into {@code where} counts against the platform's limits (per chat,
   * per app); the outbox delivers no faster. Only the adapter knows its platform, so this is where
   * a limit is written down, once. Must not block or call the platform. Default: no limit.
   */
  default Pace pace(Pace.Kind kind, ConversationRef where, Message message) {
    return Pace.NONE;
  }
}
