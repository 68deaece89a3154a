package lookout.agent.loki;

import java.time.Instant;
import java.util.Map;

/**
 * One log line Loki returned: when it was logged, the labels of its stream and its text.
 *
 * @param at the entry's timestamp (Loki keeps nanoseconds)
 */
public record LogLine(Instant at, Map<String, String> labels, String line) {
  public LogLine {
    labels = Map.copyOf(labels);
  }

  /** The stream's {@code pod} label, or empty when the stream has none. */
  public String pod() {
    return labels.getOrDefault("pod", "");
  }
}
