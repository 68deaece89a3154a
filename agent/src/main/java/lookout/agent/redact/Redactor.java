package lookout.agent.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in free text with {@code [REDACTED]} markers that name what was removed. The
 * rules err on the side of removing too much: a redacted hostname costs an answer a detail, a
 * leaked token costs an incident. Rules run in order; earlier, more specific rules (PEM blocks,
 * URLs with credentials) keep later generic ones from mangling their markers.
 */
public final class Redactor {
  private record Rule(String name, Pattern pattern, String replacement) {}

  private static final String SENSITIVE_KEY =
      "[\\w.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key"
          + "|credentials?|auth[_-]?key|session[_-]?key|client[_-]?secret)[\\w.-]*";

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "private key",
              Pattern.compile(
                  "-----BEGIN [A-Z ]*PRIVATE KEY-----(?:.*?-----END [A-Z ]*PRIVATE KEY-----|.*)",
                  Pattern.DOTALL),
              "[REDACTED private key]"),
          new Rule(
              "credentials in URL",
              Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^:/?#\\s@]+):([^@\\s/]+)@"),
              "$1$2:[REDACTED]@"),
          new Rule(
              "authorization header",
              Pattern.compile(
                  "(?i)\\b((?:proxy-)?authorization\\s*[:=]\\s*[\"']?)(bearer|basic|token|digest)?"
                      + "\\s*[A-Za-z0-9._~+/=-]{8,}"),
              "$1$2 [REDACTED]"),
          new Rule(
              "bearer token",
              Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/-]{12,}=*"),
              "$1 [REDACTED]"),
          new Rule(
              "JWT",
              Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
              "[REDACTED jwt]"),
          new Rule(
              "AWS access key id",
              Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\\b"),
              "[REDACTED aws key id]"),
          new Rule(
              "GCP API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"), "[REDACTED gcp key]"),
          new Rule(
              "vendor token",
              Pattern.compile(
                  "\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}"
                      + "|xox[abposr]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}"
                      + "|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|glpat-[A-Za-z0-9_-]{20,}"
                      + "|ya29\\.[A-Za-z0-9_-]{20,})"),
              "[REDACTED token]"),
          new Rule(
              "sensitive key = value",
              Pattern.compile(
                  "(?i)(\"?\\b"
                      + SENSITIVE_KEY
                      + "\"?\\s*(?:=|:|\\s+is\\s+)\\s*[\"']?)(?!\\[REDACTED)([^\\s\"',;&}]{3,})"),
              "$1[REDACTED]"),
          new Rule(
              "AWS secret access key",
              // mixed case required: git commit ids (40 lower-case hex digits) stay readable
              Pattern.compile(
                  "(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])"
                      + "[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"),
              "[REDACTED 40-char secret]"));

  private Redactor() {}

  /** {@code text} with every secret the rules recognise replaced; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(out);
      if (m.find()) {
        out = m.replaceAll(rule.replacement());
      }
    }
    return out;
  }

  /** Each line redacted. */
  public static List<String> redact(List<String> lines) {
    return lines.stream().map(Redactor::redact).toList();
  }
}
