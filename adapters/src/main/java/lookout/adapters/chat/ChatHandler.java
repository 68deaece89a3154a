package lookout.adapters.chat;

/**
 * What adapters hand verified input to (implemented by the bot). Both methods are called off the
 * event loop and must return quickly: long work is queued by the implementation.
 */
public interface ChatHandler {
  /** A message for the bot; the answer is posted later through the adapter. */
  void onMessage(Inbound inbound);

  /** A button press; the reply is shown to the clicker at once, the message is edited later. */
  ClickReply onClick(Click click);
}
