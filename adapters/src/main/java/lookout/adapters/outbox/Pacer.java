package lookout.adapters.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lookout.adapters.chat.Pace;

/**
 * What the outbox has sent, per declared limit: for each limit key of each platform a sliding
 * window of send times (never more than the limit's messages in its window), a token bucket (never
 * more than its burst back to back, refilled at its average rate), and the pause a platform asked
 * for (Retry-After). {@link #take} counts a send against all its limits at once or, when any of
 * them has no room, counts nothing and says how long until all have. Thread-safe; remembers at most
 * {@value #KEYS} keys, forgetting the least recently used (a chat idle that long is not limited).
 */
final class Pacer {
  static final int KEYS = 10_000;

  private static final class Window {
    final ArrayDeque<Long> sent = new ArrayDeque<>();
    long pausedUntil;
    double tokens;
    long refilledAt;

    Window(Pace.Limit limit, long now) {
      tokens = limit.burst();
      refilledAt = now;
    }

    void refill(Pace.Limit limit, long now) {
      double perMilli = (double) limit.messages() / limit.per().toMillis();
      tokens = Math.min(limit.burst(), tokens + (now - refilledAt) * perMilli);
      refilledAt = now;
    }
  }

  private final Clock clock;
  private final Map<String, Window> windows =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
          return size() > KEYS;
        }
      };

  Pacer(Clock clock) {
    this.clock = clock;
  }

  /** Empty (and counted) when a send on {@code platform} may go now, else the wait until it may. */
  synchronized Optional<Duration> take(String platform, Pace pace) {
    long now = clock.millis();
    long ready = now;
    for (Pace.Limit limit : pace.limits()) {
      Window w = window(platform, limit, now);
      long per = limit.per().toMillis();
      while (!w.sent.isEmpty() && w.sent.peekFirst() <= now - per) {
        w.sent.pollFirst();
      }
      ready = Math.max(ready, w.pausedUntil);
      w.refill(limit, now);
      double missing = cost(pace, limit, limit.burst()) - w.tokens;
      if (missing > 0) {
        ready = Math.max(ready, now + (long) Math.ceil(missing * per / limit.messages()));
      }
      int over = w.sent.size() + cost(pace, limit, limit.messages()) - limit.messages();
      if (over > 0) {
        // The send fits once the over-th oldest send has left the window.
        Iterator<Long> it = w.sent.iterator();
        long leaving = it.next();
        for (int i = 1; i < over; i++) {
          leaving = it.next();
        }
        ready = Math.max(ready, leaving + per);
      }
    }
    if (ready > now) {
      return Optional.of(Duration.ofMillis(ready - now));
    }
    for (Pace.Limit limit : pace.limits()) {
      Window w = window(platform, limit, now);
      for (int i = 0; i < cost(pace, limit, limit.messages()); i++) {
        w.sent.addLast(now);
      }
      w.tokens -= cost(pace, limit, limit.burst());
    }
    return Optional.empty();
  }

  /** Holds every limit of {@code pace} for {@code wait}: the platform said to slow down. */
  synchronized void pause(String platform, Pace pace, Duration wait) {
    long until = clock.millis() + wait.toMillis();
    for (Pace.Limit limit : pace.limits()) {
      Window w = window(platform, limit, clock.millis());
      w.pausedUntil = Math.max(w.pausedUntil, until);
    }
  }

  // A send larger than a whole window or burst (a robot post with more charts than a minute
  // allows) takes all of it instead of waiting forever.
  private static int cost(Pace pace, Pace.Limit limit, int most) {
    return Math.min(pace.sends(), most);
  }

  private Window window(String platform, Pace.Limit limit, long now) {
    String key =
        platform
            + "\n"
            + limit.key()
            + "\n"
            + limit.messages()
            + "/"
            + limit.per()
            + "/"
            + limit.burst();
    return windows.computeIfAbsent(key, k -> new Window(limit, now));
  }
}
