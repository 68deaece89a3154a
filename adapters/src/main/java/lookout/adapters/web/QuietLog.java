package lookout.adapters.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * ERROR lines at a bounded rate: at most {@code perMinute} a minute for one kind of failure (its
 * key, e.g. the route), the rest counted and reported with the next line that is written. A fault
 * anyone can trigger over and over thus costs a few lines a minute, not a flood, and no occurrence
 * goes unmentioned.
 */
public final class QuietLog {
  private static final long MINUTE = 60_000;
  private static final int MAX_KEYS = 1_000;

  private final Logger log;
  private final int perMinute;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    long start;
    int written;
    long suppressed;
  }

  public QuietLog(Logger log, int perMinute, Clock clock) {
    this.log = log;
    this.perMinute = perMinute;
    this.clock = clock;
  }

  public QuietLog(Logger log) {
    this(log, 5, Clock.systemUTC());
  }

  /**
   * Logs {@code message} (SLF4J {@code {}} arguments; a last Throwable argument prints its stack
   * trace) unless {@code key} already had {@code perMinute} lines this minute.
   *
   * @return whether the line was written
   */
  public boolean error(String key, String message, Object... args) {
    long suppressed;
    synchronized (this) {
      if (windows.size() > MAX_KEYS && !windows.containsKey(key)) {
        windows.clear(); // keys are routes and kinds, so this happens only if keys are misused
      }
      Window w = windows.computeIfAbsent(key, k -> new Window());
      long now = clock.millis();
      if (now - w.start >= MINUTE) {
        w.start = now;
        w.written = 0;
      }
      if (w.written >= perMinute) {
        w.suppressed++;
        return false;
      }
      w.written++;
      suppressed = w.suppressed;
      w.suppressed = 0;
    }
    if (suppressed > 0) {
      log.error(message + " (and " + suppressed + " more like it not logged)", args);
    } else {
      log.error(message, args);
    }
    return true;
  }
}
