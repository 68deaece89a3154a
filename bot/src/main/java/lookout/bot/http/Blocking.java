package lookout.bot.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * Runs blocking work (JDBC, fabric8, Lucene) on a virtual thread and completes the result back on
 * the caller's Vert.x context, so event-loop handlers never block.
 */
public final class Blocking {
  private final ExecutorService virtualThreads;

  public Blocking(ExecutorService virtualThreads) {
    this.virtualThreads = virtualThreads;
  }

  public <T> Future<T> call(Vertx vertx, Callable<T> work) {
    Context context = vertx.getOrCreateContext();
    Promise<T> promise = Promise.promise();
    virtualThreads.execute(
        () -> {
          try {
            T value = work.call();
            context.runOnContext(v -> promise.complete(value));
          } catch (Throwable t) {
            context.runOnContext(v -> promise.fail(t));
          }
        });
    return promise.future();
  }

  public ExecutorService executor() {
    return virtualThreads;
  }
}
