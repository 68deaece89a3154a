package lookout.agent.llm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few question/answer pairs of each thread, so "and in prod?" works. Bounded twice: at
 * most {@code turns} pairs per thread (oldest dropped) and {@link #MAX_THREADS} threads (least
 * recently used dropped), each text capped. Redacted text only. In memory: a restart forgets.
 */
public final class ThreadMemory {
  static final int MAX_THREADS = 1_000;
  static final int MAX_CHARS = 1_500;

  /** One earlier exchange. */
  public record Turn(String question, String answer) {}

  private final int turns;
  private final Map<String, Deque<Turn>> threads =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Turn>> eldest) {
          return size() > MAX_THREADS;
        }
      };

  public ThreadMemory(int turns) {
    this.turns = Math.max(0, turns);
  }

  public synchronized List<Turn> recall(String thread) {
    if (thread == null) {
      return List.of();
    }
    Deque<Turn> t = threads.get(thread);
    return t == null ? List.of() : List.copyOf(t);
  }

  public synchronized void remember(String thread, String question, String answer) {
    if (thread == null || turns == 0) {
      return;
    }
    Deque<Turn> t = threads.computeIfAbsent(thread, k -> new ArrayDeque<>());
    t.addLast(new Turn(cap(question), cap(answer)));
    while (t.size() > turns) {
      t.removeFirst();
    }
  }

  private static String cap(String s) {
    return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "…";
  }
}
