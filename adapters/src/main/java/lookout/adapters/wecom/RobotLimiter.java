package lookout.adapters.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * WeCom's group-robot limit of 20 messages a minute per robot, as a sliding window: {@link
 * #acquire} either takes a slot or says how long until one frees up. The outbox turns that wait
 * into its retry time, so over-limit alerts are delayed, never dropped.
 */
final class RobotLimiter {
  private final int perMinute;
  private final Clock clock;
  private final Map<String, Deque<Instant>> sent = new HashMap<>();

  RobotLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Empty when a message may go now (and counts it), else the wait before trying again. */
  synchronized Optional<Duration> acquire(String robot) {
    Instant now = clock.instant();
    Deque<Instant> window = sent.computeIfAbsent(robot, r -> new ArrayDeque<>());
    Instant start = now.minus(Duration.ofMinutes(1));
    while (!window.isEmpty() && !window.peekFirst().isAfter(start)) {
      window.pollFirst();
    }
    if (window.size() < perMinute) {
      window.addLast(now);
      return Optional.empty();
    }
    Duration wait = Duration.between(start, window.peekFirst()).plusMillis(1);
    return Optional.of(wait);
  }
}
