package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Starts several clicks at the same moment (a latch, not sleeps) and collects their results. */
final class Concurrently {
  static final int CLICKS = 8;

  interface Click<T> {
    T run(int index) throws Exception;
  }

  private Concurrently() {}

  static <T> List<T> run(Click<T> click) throws Exception {
    return run(CLICKS, click);
  }

  static <T> List<T> run(int clicks, Click<T> click) throws Exception {
    CountDownLatch ready = new CountDownLatch(clicks);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clicks);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < clicks; i++) {
        int index = i;
        Callable<T> task =
            () -> {
              ready.countDown();
              go.await();
              return click.run(index);
            };
        futures.add(pool.submit(task));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).as("all clickers ready").isTrue();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
