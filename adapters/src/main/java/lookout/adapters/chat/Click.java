package lookout.adapters.chat;

import java.util.Objects;

/**
 * A button press, verified by the adapter: who pressed which button on which message. The token is
 * the button's opaque value; only the bot's approvals code can read and check it.
 */
public record Click(MessageRef message, UserRef user, String token) {
  public Click {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(token, "token");
  }
}
