package lookout.agent.analyzers;

import java.util.List;
import java.util.Objects;
import lookout.approvals.Action;

/**
 * One problem an analyzer found.
 *
 * @param analyzer short name of the analyzer, e.g. {@code CrashLoopBackOff}
 * @param subject what it is about, e.g. {@code pod staging/checkout-7d9f-abc12}
 * @param summary one line, e.g. "container app keeps crashing: exit code 1 (Error), 7 restarts"
 * @param evidence compact lines backing the summary (status, events, log lines)
 * @param suggestions actions that may help (offered as approval buttons)
 */
public record Finding(
    Severity severity,
    String analyzer,
    String subject,
    String summary,
    List<String> evidence,
    List<Action> suggestions) {
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(analyzer, "analyzer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    suggestions = List.copyOf(suggestions);
  }

  public enum Severity {
    CRITICAL,
    WARNING,
    INFO
  }
}
