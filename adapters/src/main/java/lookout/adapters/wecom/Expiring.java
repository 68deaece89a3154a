package lookout.adapters.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory map whose entries expire and whose oldest entries go first when it is full.
 * Holds the short-lived WeCom handles that cannot be looked up again (response codes, reply URLs).
 * Thread-safe.
 */
final class Expiring<V> {
  private record Entry<V>(V value, Instant expires) {}

  private final Map<String, Entry<V>> entries = new LinkedHashMap<>();
  private final Duration life;
  private final int capacity;
  private final Clock clock;

  Expiring(Duration life, int capacity, Clock clock) {
    this.life = life;
    this.capacity = capacity;
    this.clock = clock;
  }

  synchronized void put(String key, V value) {
    evict();
    entries.remove(key);
    entries.put(key, new Entry<>(value, clock.instant().plus(life)));
    if (entries.size() > capacity) {
      Iterator<String> oldest = entries.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  synchronized Optional<V> get(String key) {
    evict();
    Entry<V> e = entries.get(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  /** Returns and forgets the value (WeCom's handles are single-use). */
  synchronized Optional<V> take(String key) {
    evict();
    Entry<V> e = entries.remove(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  synchronized int size() {
    return entries.size();
  }

  private void evict() {
    Instant now = clock.instant();
    entries.values().removeIf(e -> !e.expires().isAfter(now));
  }
}
