package lookout.bot.wiring;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts independent components (database, clusters, knowledge index) side by side and records how
 * long each took, so start-up costs the slowest part rather than the sum, and the log says which.
 */
final class Startup {
  private final ExecutorService executor;
  private final Map<String, Long> millis = new ConcurrentSkipListMap<>();

  Startup(ExecutorService executor) {
    this.executor = executor;
  }

  <T> CompletableFuture<T> start(String name, Callable<T> work) {
    return CompletableFuture.supplyAsync(
        () -> {
          long t0 = System.nanoTime();
          try {
            return work.call();
          } catch (Exception e) {
            throw new CompletionException(e);
          } finally {
            millis.put(name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
          }
        },
        executor);
  }

  /** The result, or the component's own exception (not a wrapper). */
  static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** e.g. "clusters 812 ms, database 95 ms, knowledge 640 ms". */
  String summary() {
    StringBuilder out = new StringBuilder();
    millis.forEach(
        (name, ms) ->
            out.append(out.isEmpty() ? "" : ", ")
                .append(name)
                .append(' ')
                .append(ms)
                .append(" ms"));
    return out.toString();
  }
}
