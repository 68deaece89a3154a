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
   * Replaces the content of a message with the state numbered {@code version}: edits of one message
   * made by racing threads or replicas carry versions that grow with the state they show, so a
   * queue (the outbox) can drop an edit once a newer one is queued or sent and never show an older
   * state after a newer one. Default: a plain {@link #update}, for adapters that send at once.
   */
  default void update(MessageRef ref, Message message, long version) {
    update(ref, message);
  }

  /**
   * Makes {@code where} ready to take a new thread now (the console opens the channel), or throws
   * {@link ChatException} saying why it cannot, so the caller can refuse work it could not deliver
   * (alerts answer 503 and Alertmanager retries) instead of accepting it and dropping it later.
   * Must not call the platform: where only a post would tell, this takes it (the outbox stores the
   * post and retries it). Default: ready.
   */
  default void open(ConversationRef where) {}

  /**
   * How sending {@code message} into {@code where} counts against the platform's limits (per chat,
   * per app); the outbox delivers no faster. Only the adapter knows its platform, so this is where
   * a limit is written down, once. Must not block or call the platform. Default: no limit.
   */
  default Pace pace(Pace.Kind kind, ConversationRef where, Message message) {
    return Pace.NONE;
  }

  /**
   * How often a message being written (an answer whose analysis streams in) may be edited in place
   * in {@code where}: the bot coalesces the edits in between. Empty when that surface cannot edit a
   * message in place; the rest of the answer then goes as one follow-up message. Default: once a
   * second.
   */
  default java.util.Optional<java.time.Duration> editEvery(ConversationRef where) {
    return java.util.Optional.of(java.time.Duration.ofSeconds(1));
  }
}
