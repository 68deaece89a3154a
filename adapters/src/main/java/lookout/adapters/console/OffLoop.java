package lookout.adapters.console;

import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import lookout.adapters.web.QuietLog;
import org.slf4j.LoggerFactory;

/**
 * Runs the bot's handler off the event loop (it may block briefly) and continues on the request's
 * own context with the result. A handler that throws becomes a logged 500 naming what failed.
 */
final class OffLoop {
  private static final QuietLog errors = new QuietLog(LoggerFactory.getLogger(OffLoop.class));

  private final Executor executor;

  OffLoop(Executor executor) {
    this.executor = executor;
  }

  <T> void run(RoutingContext rc, String what, Callable<T> work, Consumer<T> then) {
    Context context = rc.vertx().getOrCreateContext();
    try {
      executor.execute(
          () -> {
            try {
              T result = work.call();
              context.runOnContext(v -> then.accept(result));
            } catch (Exception | Error e) {
              errors.error("console bot", "console: the bot failed while {}", what, e);
              context.runOnContext(
                  v -> Replies.error(rc, 500, "the bot failed while " + what + "; see the log"));
            }
          });
    } catch (RejectedExecutionException e) {
      Replies.error(rc, 503, "the console is shutting down; cannot handle " + what);
    }
  }
}
