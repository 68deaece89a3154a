package lookout.agent.analyzers;

import java.util.List;

/**
 * Reads the log lines that explain a crash, as evidence; a missing or failing log source is noted.
 */
final class LogExcerpt {
  static final int TAIL = 100;
  static final int CAP = 15;

  private LogExcerpt() {}

  /**
   * {@code log: …} lines from the previous instance of a container only (what it said before it
   * ended), or one line saying there are none.
   */
  static List<String> previousLines(
      LogSource logs, String namespace, String pod, String container) {
    if (logs == null) {
      return List.of("log: not available (no log source)");
    }
    try {
      List<String> picked =
          ErrorLines.extract(logs.tail(namespace, pod, container, true, TAIL), CAP);
      if (picked.isEmpty()) {
        return List.of("log: no lines from the previous instance of container " + container);
      }
      return picked.stream().map(l -> Evidence.clip("log: " + l)).toList();
    } catch (RuntimeException e) {
      return List.of(
          Evidence.clip(
              "log: could not read the previous log of container "
                  + container
                  + ": "
                  + e.getMessage()));
    }
  }

  /**
   * {@code log: …} lines from the previous instance of a container (falling back to the current one
   * when there is no previous log), or one line saying why there are none.
   */
  static List<String> crashLines(LogSource logs, String namespace, String pod, String container) {
    if (logs == null) {
      return List.of("log: not available (no log source)");
    }
    try {
      List<String> tail = logs.tail(namespace, pod, container, true, TAIL);
      String which = "previous";
      if (tail == null || tail.isEmpty()) {
        tail = logs.tail(namespace, pod, container, false, TAIL);
        which = "previous or current";
      }
      List<String> picked = ErrorLines.extract(tail, CAP);
      if (picked.isEmpty()) {
        return List.of("log: no " + which + " log lines for container " + container);
      }
      return picked.stream().map(l -> Evidence.clip("log: " + l)).toList();
    } catch (RuntimeException e) {
      return List.of(
          Evidence.clip(
              "log: could not read the log of container " + container + ": " + e.getMessage()));
    }
  }
}
