package lookout.adapters.chat;

/** A platform refused or failed a post or an update; the message says which and where. */
public class ChatException extends RuntimeException {
  public ChatException(String message) {
    super(message);
  }

  public ChatException(String message, Throwable cause) {
    super(message, cause);
  }
}
