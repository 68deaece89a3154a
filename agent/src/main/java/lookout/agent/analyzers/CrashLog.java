package lookout.agent.analyzers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a container said before it ended: its error lines as evidence ({@code log: …}) and the one
 * line that best names the failure, for a summary. The previous instance's log is read first (the
 * one that crashed), the current one when there is none.
 *
 * @param evidence {@code log: …} lines, or one line saying why there are none
 * @param best the line that names the failure, if any
 */
record CrashLog(List<String> evidence, Optional<String> best, List<String> raw) {
  private static final Pattern CAUSED_BY =
      Pattern.compile("^\\s*caused by:", Pattern.CASE_INSENSITIVE);
  private static final Pattern STRONG =
      Pattern.compile(
          "exception|\\berror:|\\berr=|panic:|\\bfatal\\b|traceback|\\bfailed\\b|cannot|could not|"
              + "couldn't|unable to|refused|denied|not set|not found|no such|invalid|missing|"
              + "exec format error|out of memory|timed? ?out",
          Pattern.CASE_INSENSITIVE);

  static final CrashLog NONE = new CrashLog(List.of(), Optional.empty(), List.of());

  static CrashLog read(
      LogSource logs, String namespace, String pod, String container, boolean previousOnly) {
    if (logs == null) {
      return new CrashLog(
          List.of("log: not available (no log source)"), Optional.empty(), List.of());
    }
    try {
      List<String> tail = logs.tail(namespace, pod, container, true, LogExcerpt.TAIL);
      String which = "previous";
      if ((tail == null || tail.isEmpty()) && !previousOnly) {
        tail = logs.tail(namespace, pod, container, false, LogExcerpt.TAIL);
        which = "previous or current";
      }
      List<String> raw = tail == null ? List.of() : tail;
      List<String> picked = ErrorLines.extract(raw, LogExcerpt.CAP);
      if (picked.isEmpty()) {
        return new CrashLog(
            List.of("log: no " + which + " log lines for container " + container),
            Optional.empty(),
            raw);
      }
      return new CrashLog(
          picked.stream().map(l -> Evidence.clip("log: " + l)).toList(), best(raw), raw);
    } catch (RuntimeException e) {
      return new CrashLog(
          List.of(
              Evidence.clip(
                  "log: could not read the log of container " + container + ": " + e.getMessage())),
          Optional.empty(),
          List.of());
    }
  }

  /** The line that best names a failure: the last "Caused by:", else the last strong error line. */
  static Optional<String> best(List<String> lines) {
    String caused = null;
    String strong = null;
    for (String line : lines) {
      if (line == null || line.isBlank() || line.strip().startsWith("at ")) {
        continue;
      }
      if (CAUSED_BY.matcher(line).find()) {
        caused = line;
      } else if (STRONG.matcher(line).find()) {
        strong = line;
      }
    }
    String pick = caused != null ? caused : strong;
    return Optional.ofNullable(pick).map(l -> Evidence.clip(l.strip()));
  }

  /** True when the log blames something outside the container that may come back by itself. */
  boolean transientDependency() {
    String text = String.join("\n", raw).toLowerCase(Locale.ROOT);
    return text.contains("connection refused")
        || text.contains("no such host")
        || text.contains("i/o timeout")
        || text.contains("connect timed out")
        || text.contains("could not connect")
        || text.contains("cannot connect")
        || text.contains("unable to connect")
        || text.contains("service unavailable");
  }
}
