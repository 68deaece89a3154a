package lookout.bot.alerts;

import java.util.Map;

/**
 * A token bucket for one destination: {@code perSecond} messages (posts and edits) on average,
 * bursts up to {@code burst}. {@link #acquire} sleeps the calling (virtual) thread until a token is
 * free.
 */
final class RateLimiter {
  /**
   * What each platform tolerates per channel: Slack posts about one message per second per channel
   * (chat.postMessage), Feishu 5 per second per chat, WeCom group robots 20 per minute; the console
   * is local and only limited to keep a storm readable.
   */
  static final Map<String, Double> PLATFORM_DEFAULTS =
      Map.of("console", 20.0, "slack", 1.0, "feishu", 5.0, "wecom", 20.0 / 60);

  /** For a platform nobody told us about: one per second, the most common chat limit. */
  static final double FALLBACK = 1.0;

  private final double perSecond;
  private final double burst;
  private double tokens;
  private long last;

  RateLimiter(double perSecond) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, Math.floor(perSecond));
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  /** The rate for {@code platform}: configured, else the built-in default for its family. */
  static double rateFor(String platform, Map<String, Double> configured) {
    Double rate = configured.get(platform);
    if (rate != null) {
      return rate;
    }
    for (var e : PLATFORM_DEFAULTS.entrySet()) {
      // WeCom's group robot may register as its own platform, e.g. "wecom-robot".
      if (platform.equals(e.getKey()) || platform.startsWith(e.getKey() + "-")) {
        return e.getValue();
      }
    }
    return FALLBACK;
  }

  double perSecond() {
    return perSecond;
  }

  /** Blocks until a message may go out. */
  void acquire() throws InterruptedException {
    while (true) {
      long waitNanos;
      synchronized (this) {
        refill();
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        waitNanos = (long) ((1 - tokens) / perSecond * 1e9);
      }
      Thread.sleep(java.time.Duration.ofNanos(Math.max(1_000_000, waitNanos)));
    }
  }

  /** Pauses the bucket after the platform said "slow down" (Retry-After). */
  synchronized void penalize(long millis) {
    refill();
    tokens = Math.min(tokens, 0) - millis / 1000.0 * perSecond;
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
    last = now;
  }
}
