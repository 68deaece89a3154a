package lookout.adapters.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * A post or update the platform could not take right now (rate limited, a server error, a network
 * failure): trying again later may succeed. {@code retryAfter} is the wait the platform asked for,
 * if it said.
 */
public class ChatRetryLater extends ChatException {
  private final transient Optional<Duration> retryAfter;

  public ChatRetryLater(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = Optional.ofNullable(retryAfter);
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
