package lookout.agent.offline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lookout.agent.analyzers.ObjectRef;

/**
 * The root cause of the first few things an overview lists: "geo-ip is 0/2 ready" says that, the
 * diagnosis' headline says why ("ImagePullBackOff: tag 2.14.0 not found"). The diagnoses run at
 * once on virtual threads within a time budget; one that is late or fails is left out, so the
 * overview is never slower than the budget or lost to one unreadable object.
 */
final class OverviewCauses {
  static final Duration BUDGET = Duration.ofSeconds(8);

  private OverviewCauses() {}

  /** Each target's headline, in the targets' order, for those diagnosed in time. */
  static Map<ObjectRef, String> of(List<ObjectRef> targets, Diagnoser diagnoser, Duration budget) {
    Map<ObjectRef, String> out = new LinkedHashMap<>();
    if (diagnoser == null || targets.isEmpty()) {
      return out;
    }
    List<Callable<String>> tasks = new ArrayList<>();
    for (ObjectRef ref : targets) {
      tasks.add(() -> diagnoser.diagnose(ref).summary());
    }
    // not try-with-resources: close() waits for every task, and a read stuck past the budget
    // must not hold the overview; shutdownNow interrupts it and the answer goes out without it
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<Future<String>> done = pool.invokeAll(tasks, budget.toMillis(), TimeUnit.MILLISECONDS);
      for (int i = 0; i < targets.size(); i++) {
        ObjectRef ref = targets.get(i);
        headline(done.get(i)).ifPresent(h -> out.put(ref, h));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private static Optional<String> headline(Future<String> f) {
    try {
      String s = f.get();
      return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    } catch (CancellationException | ExecutionException e) {
      return Optional.empty(); // late or unreadable: the list still says what is wrong
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
