package lookout.knowledge;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a runbook search is about: a chat question, a firing alert or an analyzer's finding. The
 * factories turn each into search words: the {@code subject} (an alert's name; a finding's
 * analyzer, reason and kind) weighs twice as much as the {@code details} (the question, an
 * annotation, a finding's summary), from which the names of the objects involved are dropped —
 * {@code shop/checkout-7d9f8b6c4-x2k9p} or {@code "catalog-config"} say which pod and which
 * ConfigMap, not which runbook. {@link Search#runbooks} runs it over runbooks only.
 *
 * @param subject what it is about, in a few words; empty for a question
 * @param details the rest of the text; never null
 */
public record RunbookQuery(String subject, String details) {
  /** Quoted names, paths, URLs, {@code namespace/name} and names with digits, as kubelet writes. */
  private static final Pattern NAMES =
      Pattern.compile(
          String.join(
              "|",
              "\"[^\"]*\"|'[^']*'", // "catalog-config", 'md0'
              "\\S*\\p{L}\\S*/\\S*|\\S*/\\S*\\p{L}\\S*", // shop/cart, /var/lib (not 0/3)
              "\\S*\\w:\\w\\S*", // 10.0.3.17:9100, https://…
              "\\S*\\p{L}\\S*[-._]\\S*\\d\\S*", // checkout-7d9f8b6c4-x2k9p, prometheus-k8s-0
              "\\S*\\d\\S*[-._]\\S*\\p{L}\\S*")); // 10.0.3.17.ec2, 3d-old

  public RunbookQuery {
    subject = subject == null ? "" : subject.strip();
    details = details == null ? "" : details.strip();
  }

  /** A question as typed in chat, or any free text (an alert description pasted in). */
  public static RunbookQuery question(String text) {
    return new RunbookQuery("", text);
  }

  /**
   * A firing alert.
   *
   * @param alertName the {@code alertname} label, empty if unknown
   * @param labels the alert's labels: their values are names, left out of the search
   * @param summary the {@code summary} annotation, empty if none
   * @param description the {@code description} annotation, empty if none
   */
  public static RunbookQuery alert(
      String alertName, Map<String, String> labels, String summary, String description) {
    String text = join(summary, description);
    for (String value : labels.values()) {
      if (value != null && value.length() > 1 && !value.equals(alertName)) {
        text = text.replace(value, " ");
      }
    }
    return new RunbookQuery(alertName, withoutNames(text));
  }

  /**
   * An analyzer's finding.
   *
   * @param analyzer the analyzer's name, e.g. {@code CrashLoopBackOff}, {@code Pending}
   * @param reason the Kubernetes reason behind it, e.g. {@code OOMKilled}, {@code
   *     FailedScheduling}, {@code CreateContainerConfigError}; empty if none
   * @param kind the kind of the object it is about, e.g. {@code Pod}, {@code Deployment}
   * @param summary the finding's one-line summary
   */
  public static RunbookQuery finding(String analyzer, String reason, String kind, String summary) {
    return new RunbookQuery(join(analyzer, reason, kind), withoutNames(summary));
  }

  /** All the words, subject first (for searches that do not weigh them). */
  public String text() {
    return join(subject, details);
  }

  static String withoutNames(String text) {
    return text == null ? "" : NAMES.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
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
