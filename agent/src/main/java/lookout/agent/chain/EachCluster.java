package lookout.agent.chain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import lookout.agent.offline.ClusterErrors;

/**
 * One call per cluster, all at once on virtual threads, waited for until one deadline: a cluster
 * that is down, slow or forbidding comes back as a sentence naming it ("prod-us did not answer in 3
 * s"), never holding up the others' results.
 */
final class EachCluster {
  private EachCluster() {}

  /** A cluster's result, or why there is none. */
  record Outcome<T>(String cluster, T value, String failure) {
    boolean ok() {
      return failure == null;
    }
  }

  static <T> Map<String, Outcome<T>> call(
      List<String> clusters, Function<String, T> call, Duration bound) {
    Map<String, CompletableFuture<T>> pending = new LinkedHashMap<>();
    Map<String, Thread> threads = new LinkedHashMap<>();
    for (String cluster : clusters) {
      CompletableFuture<T> future = new CompletableFuture<>();
      pending.put(cluster, future);
      threads.put(
          cluster,
          Thread.ofVirtual()
              .name("cluster-" + cluster)
              .start(
                  () -> {
                    try {
                      future.complete(call.apply(cluster));
                    } catch (RuntimeException e) {
                      future.completeExceptionally(e);
                    }
                  }));
    }
    long deadline = System.nanoTime() + bound.toNanos();
    Map<String, Outcome<T>> out = new LinkedHashMap<>();
    for (var e : pending.entrySet()) {
      String cluster = e.getKey();
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        out.put(
            cluster, new Outcome<>(cluster, e.getValue().get(left, TimeUnit.NANOSECONDS), null));
      } catch (TimeoutException timeout) {
        // the caller is virtual: interrupting it lets its HTTP call give up early
        threads.get(cluster).interrupt();
        out.put(
            cluster,
            new Outcome<>(cluster, null, cluster + " did not answer in " + seconds(bound) + "."));
      } catch (ExecutionException failed) {
        Throwable cause = failed.getCause() == null ? failed : failed.getCause();
        String why =
            cause instanceof RuntimeException r
                ? ClusterErrors.describe(cluster, r)
                : cluster + " could not be read: " + cause.getMessage();
        out.put(cluster, new Outcome<>(cluster, null, why + "."));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        out.put(cluster, new Outcome<>(cluster, null, cluster + ": interrupted."));
      }
    }
    return out;
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0
        ? ms / 1000 + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
