package lookout.bot.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import lookout.testing.Eventually;
import org.slf4j.LoggerFactory;

/**
 * What one class of the in-process Lookout logs while a test runs, so a test can wait for the
 * evidence that something was settled (a duplicate ignored) instead of sleeping and hoping.
 */
final class LogLines implements AutoCloseable {
  private final Logger logger;
  private final Queue<String> lines = new ConcurrentLinkedQueue<>();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          lines.add(event.getFormattedMessage());
        }
      };

  private LogLines(Class<?> source) {
    this.logger = (Logger) LoggerFactory.getLogger(source);
    appender.start();
    logger.addAppender(appender);
  }

  static LogLines of(Class<?> source) {
    return new LogLines(source);
  }

  /** Waits until a line matching {@code line} was logged (at most 20 s). */
  void await(String what, Predicate<String> line) throws InterruptedException {
    Eventually.until(what, Duration.ofSeconds(20), () -> lines.stream().anyMatch(line));
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
