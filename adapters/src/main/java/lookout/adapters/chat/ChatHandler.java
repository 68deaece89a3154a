package lookout.adapters.chat;

/**
 * What adapters hand verified input to (implemented by the bot). Both methods are called off the
 * event loop and must return quickly: long work is queued by the implementation.
 */
public interface ChatHandler {
  /** A message for the bot; the answer is posted later through the adapter. */
  void onMessage(Inbound inbound);

  /**
   * Takes {@code inbound} like {@link #onMessage} if that needs no blocking right now, and says
   * whether it did; false means nothing happened and the caller uses {@code onMessage} off the
   * event loop. May be called on an event loop, so it never blocks. The default never takes.
   */
  default boolean offer(Inbound inbound) {
    return false;
  }

  /** A button press; the reply is shown to the clicker at once, the message is edited later. */
  ClickReply onClick(Click click);
}
