package lookout.knowledge;

import java.util.Map;
import java.util.Objects;

/**
 * What a runbook search is about: a chat question, a firing alert or an analyzer's finding. The
 * factories turn each into search words; {@link Search#runbooks} runs it over runbooks only.
 *
 * @param text the words to search for, never null
 */
public record RunbookQuery(String text) {
  public RunbookQuery {
    Objects.requireNonNull(text, "text");
  }

  /** A question as typed in chat, or any free text (an alert description pasted in). */
  public static RunbookQuery question(String text) {
    return new RunbookQuery(text == null ? "" : text);
  }

  /**
   * A firing alert.
   *
   * @param alertName the {@code alertname} label, empty if unknown
   * @param labels the alert's labels (values are names, not words, and are left out)
   * @param summary the {@code summary} annotation, empty if none
   * @param description the {@code description} annotation, empty if none
   */
  public static RunbookQuery alert(
      String alertName, Map<String, String> labels, String summary, String description) {
    return new RunbookQuery(join(alertName, summary, description));
  }

  /**
   * An analyzer's finding.
   *
   * @param analyzer the analyzer's name, e.g. {@code CrashLoopBackOff}, {@code Pending}
   * @param reason the Kubernetes reason behind it, e.g. {@code OOMKilled}, {@code
   *     FailedScheduling}, {@code CreateContainerConfigError}; empty if none
   * @param kind the kind of the object it is about, e.g. {@code Pod}, {@code Node}
   * @param summary the finding's one-line summary
   */
  public static RunbookQuery finding(String analyzer, String reason, String kind, String summary) {
    return new RunbookQuery(join(analyzer, reason, kind, summary));
  }

  private static String join(String... parts) {
    StringBuilder out = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        out.append(out.isEmpty() ? "" : " ").append(p.strip());
      }
    }
    return out.toString();
  }
}
