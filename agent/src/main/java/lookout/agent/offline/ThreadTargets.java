package lookout.agent.offline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lookout.agent.analyzers.ObjectRef;

/**
 * The object each conversation thread last asked about, so "why did it restart?" or "logs?" right
 * after "diagnose deployment shop/reviews" are about shop/reviews. Threads only, never a whole
 * channel; the oldest threads are forgotten first.
 */
final class ThreadTargets {
  static final int MAX_THREADS = 2_000;

  private final Map<String, ObjectRef> last =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectRef> eldest) {
          return size() > MAX_THREADS;
        }
      };

  synchronized void remember(String thread, ObjectRef ref) {
    if (thread != null) {
      last.put(thread, ref);
    }
  }

  synchronized Optional<ObjectRef> last(String thread) {
    return thread == null ? Optional.empty() : Optional.ofNullable(last.get(thread));
  }
}
