package lookout.bot.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/** Every line logged at WARN or above by anything while a test runs, with its stack trace flag. */
final class CapturedLogs implements AutoCloseable {
  record Line(Level level, String logger, String message, boolean stackTrace) {
    @Override
    public String toString() {
      return level + " " + logger + " " + message + (stackTrace ? " [stack trace]" : "");
    }
  }

  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Queue<Line> lines = new ConcurrentLinkedQueue<>();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
          if (e.getLevel().isGreaterOrEqual(Level.WARN)) {
            lines.add(
                new Line(
                    e.getLevel(),
                    e.getLoggerName(),
                    e.getFormattedMessage(),
                    e.getThrowableProxy() != null));
          }
        }
      };

  CapturedLogs() {
    appender.start();
    root.addAppender(appender);
  }

  List<Line> errors() {
    return lines.stream().filter(l -> l.level() == Level.ERROR).toList();
  }

  List<Line> all() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
