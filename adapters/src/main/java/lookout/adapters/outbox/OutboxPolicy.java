package lookout.adapters.outbox;

import java.time.Duration;

/**
 * How the outbox retries.
 *
 * @param lease how long a claim lasts before another worker may take the row over (longer than any
 *     single platform call)
 * @param firstBackoff the wait after the first retryable failure without Retry-After; doubles each
 *     time up to {@code maxBackoff}
 * @param maxAttempts after this many tries a row is FAILED
 * @param poll how often the worker looks for due rows when nobody woke it
 * @param keep how long delivered rows are kept (updates of a post need its platform id)
 */
public record OutboxPolicy(
    Duration lease,
    Duration firstBackoff,
    Duration maxBackoff,
    int maxAttempts,
    Duration poll,
    Duration keep) {

  public static OutboxPolicy defaults() {
    return new OutboxPolicy(
        Duration.ofMinutes(2),
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        12,
        Duration.ofSeconds(1),
        Duration.ofDays(30));
  }

  /** The wait before attempt {@code attempts + 1} when the platform did not say. */
  Duration backoff(int attempts) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    Duration wait = firstBackoff.multipliedBy(factor);
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
