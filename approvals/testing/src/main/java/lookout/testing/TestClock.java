package lookout.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, so expiry, leases, retries and pacing need no sleeping and timestamps
 * in answers are predictable. Always UTC; safe to read from other threads while a test moves it.
 */
public final class TestClock extends Clock {
  private volatile Instant now;

  public TestClock(Instant start) {
    this.now = start;
  }

  /** Starts at {@code start}, an ISO-8601 instant such as {@code 2026-11-22T08:00:00Z}. */
  public static TestClock at(String start) {
    return new TestClock(Instant.parse(start));
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  public void set(Instant to) {
    now = to;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
