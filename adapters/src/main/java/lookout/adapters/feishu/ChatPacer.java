package lookout.adapters.feishu;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Feishu allows a bot 5 messages a second per chat. Keeps the send times of the last second per
 * chat and says how long to wait before the next send; the caller turns a wait into a retry later
 * instead of sleeping, so one busy chat never holds up the others. Thread-safe; remembers at most
 * {@value #CHATS} chats.
 */
final class ChatPacer {
  static final int CHATS = 10_000;
  private final int perSecond;
  private final Clock clock;
  private final Map<String, Deque<Long>> sent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
          return size() > CHATS;
        }
      };

  ChatPacer(int perSecond, Clock clock) {
    this.perSecond = perSecond;
    this.clock = clock;
  }

  /** Empty and counted when {@code chat} may send now; otherwise how long until it may. */
  synchronized Optional<Duration> take(String chat) {
    long now = clock.millis();
    Deque<Long> times = sent.computeIfAbsent(chat, c -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= now - 1000) {
      times.pollFirst();
    }
    if (times.size() >= perSecond) {
      return Optional.of(Duration.ofMillis(Math.max(1, times.peekFirst() + 1000 - now)));
    }
    times.addLast(now);
    return Optional.empty();
  }
}
