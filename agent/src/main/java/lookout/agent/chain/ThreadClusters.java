package lookout.agent.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster each conversation thread was last answered about, so "logs?" or "why did it restart?"
 * after an answer from prod-us stay on prod-us. Threads only; the oldest are forgotten first.
 */
final class ThreadClusters {
  static final int MAX_THREADS = 2_000;

  private final Map<String, String> last =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_THREADS;
        }
      };

  synchronized void remember(String thread, String cluster) {
    if (thread != null) {
      last.put(thread, cluster);
    }
  }

  synchronized Optional<String> last(String thread) {
    return thread == null ? Optional.empty() : Optional.ofNullable(last.get(thread));
  }
}
