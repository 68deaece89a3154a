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
 * What the outbox has sent, per declared limit: a sliding window of send times for each limit key
 * of each platform, and the pause a platform asked for (Retry-After). {@link #take} counts a send
 * against all its limits at once or, when any of them is full or paused, counts nothing and says
 * how long until all have room. Thread-safe; remembers at most {@value #KEYS} keys, forgetting the
 * least recently used (a chat idle that long has nothing in its window).
 */
final class Pacer {
  static final int KEYS = 10_000;

  private static final class Window {
    final ArrayDeque<Long> sent = new ArrayDeque<>();
    long pausedUntil;
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
      Window w = window(platform, limit);
      long per = limit.per().toMillis();
      while (!w.sent.isEmpty() && w.sent.peekFirst() <= now - per) {
        w.sent.pollFirst();
      }
      ready = Math.max(ready, w.pausedUntil);
      int over = w.sent.size() + cost(pace, limit) - limit.messages();
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
      Window w = window(platform, limit);
      for (int i = 0; i < cost(pace, limit); i++) {
        w.sent.addLast(now);
      }
    }
    return Optional.empty();
  }

  /** Holds every limit of {@code pace} for {@code wait}: the platform said to slow down. */
  synchronized void pause(String platform, Pace pace, Duration wait) {
    long until = clock.millis() + wait.toMillis();
    for (Pace.Limit limit : pace.limits()) {
      Window w = window(platform, limit);
      w.pausedUntil = Math.max(w.pausedUntil, until);
    }
  }

  // A send larger than a whole window (a robot post with more charts than a minute allows) takes
  // the whole window instead of waiting forever.
  private static int cost(Pace pace, Pace.Limit limit) {
    return Math.min(pace.sends(), limit.messages());
  }

  private Window window(String platform, Pace.Limit limit) {
    String key = platform + "\n" + limit.key() + "\n" + limit.messages() + "/" + limit.per();
    return windows.computeIfAbsent(key, k -> new Window());
  }
}
