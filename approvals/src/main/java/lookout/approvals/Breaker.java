package lookout.approvals;

import java.time.Instant;
import java.util.Objects;

/**
 * An open circuit breaker: requests for {@code key} are refused until an approver resets it.
 *
 * @param failures consecutive failed executions that opened it
 * @param lastError the last failure's reason
 */
public record Breaker(BreakerKey key, int failures, Instant openedAt, String lastError) {
  public Breaker {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(openedAt, "openedAt");
  }

  /** Why a request is refused, with how to reset it. */
  public String reason() {
    return "the circuit breaker for "
        + key.describe()
        + " is open after "
        + failures
        + " failed executions in a row (last: "
        + (lastError == null ? "no details" : lastError)
        + "); an approver can reset it with \"reset breaker "
        + key.kind()
        + " "
        + key.namespace()
        + "/"
        + key.name()
        + "\"";
  }
}
