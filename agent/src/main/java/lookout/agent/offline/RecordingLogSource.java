package lookout.agent.offline;

import java.util.ArrayList;
import java.util.List;
import lookout.agent.analyzers.LogSource;

/**
 * A log source that remembers the lines it handed out, so evidence lines that quote a log can be
 * shown verbatim (as code) and the rest as prose, without a convention shared with every analyzer.
 */
final class RecordingLogSource implements LogSource {
  private final LogSource delegate;
  private final List<String> seen = new ArrayList<>();

  RecordingLogSource(LogSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<String> tail(
      String namespace, String pod, String container, boolean previous, int lines) {
    List<String> out = delegate.tail(namespace, pod, container, previous, lines);
    synchronized (seen) {
      out.stream()
          .map(RecordingLogSource::normalize)
          .filter(l -> l.length() >= 4)
          .forEach(seen::add);
    }
    return out;
  }

  /**
   * The log text an evidence line quotes, without a {@code log:} label, or null when the line does
   * not quote a log line this source returned.
   */
  String quoted(String evidence) {
    String text = evidence.startsWith("log:") ? evidence.substring(4).strip() : evidence.strip();
    String probe = normalize(text.endsWith("…") ? text.substring(0, text.length() - 1) : text);
    if (probe.length() < 4) {
      return null;
    }
    synchronized (seen) {
      return seen.stream().anyMatch(l -> l.startsWith(probe) || l.equals(probe)) ? text : null;
    }
  }

  private static String normalize(String line) {
    return line.replaceAll("\\s+", " ").strip();
  }
}
