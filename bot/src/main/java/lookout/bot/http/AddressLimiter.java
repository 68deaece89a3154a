package lookout.bot.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests per second per client address, as token buckets (refilled at {@code rate} per second,
 * holding at most twice that), for the routes anyone may call without credentials. An address over
 * its limit gets 429 with {@code Retry-After}. Memory is bounded: the least recently seen addresses
 * are forgotten first (a forgotten address starts again with a full bucket).
 */
public final class AddressLimiter {
  static final int MAX_ADDRESSES = 10_000;

  private final int rate;
  private final boolean trustForwardedFor;
  private final Clock clock;
  private final AtomicLong limited = new AtomicLong();
  private final LinkedHashMap<String, Bucket> buckets =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_ADDRESSES;
        }
      };

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  public AddressLimiter(HttpLimits limits, Clock clock) {
    this.rate = limits.perAddressRate();
    this.trustForwardedFor = limits.trustForwardedFor();
    this.clock = clock;
  }

  /** A route handler: next for an address with room, 429 for one without. */
  public Handler<RoutingContext> handler() {
    return rc -> {
      if (rate == 0 || take(address(rc))) {
        rc.next();
        return;
      }
      limited.incrementAndGet();
      rc.response()
          .setStatusCode(429)
          .putHeader("Retry-After", "1")
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("too many requests from your address: at most " + rate + " a second here\n");
    };
  }

  public void bind(MeterRegistry registry) {
    FunctionCounter.builder("lookout_http_rate_limited", limited, AtomicLong::get)
        .description("Requests refused with 429 because their address was over its rate")
        .register(registry);
  }

  /** True when {@code address} may make one more request now (and counts it). */
  synchronized boolean take(String address) {
    long now = clock.millis();
    double capacity = 2.0 * rate;
    Bucket b = buckets.computeIfAbsent(address, a -> new Bucket(capacity, now));
    b.tokens = Math.min(capacity, b.tokens + (now - b.at) * rate / 1000.0);
    b.at = now;
    if (b.tokens < 1) {
      return false;
    }
    b.tokens -= 1;
    return true;
  }

  private String address(RoutingContext rc) {
    if (trustForwardedFor) {
      String forwarded = rc.request().getHeader("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
      }
    }
    var remote = rc.request().remoteAddress();
    return remote == null ? "?" : remote.hostAddress();
  }
}
