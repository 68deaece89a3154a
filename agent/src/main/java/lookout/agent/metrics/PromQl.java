package lookout.agent.metrics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a PromQL expression before it reaches Prometheus: bounded length, balanced brackets and
 * quotes, range selectors no longer than {@link #MAX_RANGE}, and no selector that matches every
 * series ({@code {__name__=~".*"}}). The model writes some of these queries, so this is the guard
 * against one question fetching a whole TSDB. Prometheus still does the full parse.
 */
public final class PromQl {
  public static final int MAX_LENGTH = 1_000;
  public static final Duration MAX_RANGE = Duration.ofDays(7);

  private static final Pattern RANGE = Pattern.compile("\\[(\\d+)(ms|s|m|h|d|w|y)(?::[^\\]]*)?]");
  private static final Pattern MATCH_ALL =
      Pattern.compile("\\{\\s*__name__\\s*=~\\s*\"\\.[*+]\"\\s*}|^\\s*\\{[^}]*}\\s*$");

  private PromQl() {}

  /**
   * @return the expression, trimmed
   * @throws IllegalArgumentException naming what is wrong
   */
  public static String validate(String expr) {
    if (expr == null || expr.isBlank()) {
      throw new IllegalArgumentException("the PromQL query is empty");
    }
    String q = expr.trim();
    if (q.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the PromQL query is " + q.length() + " characters; at most " + MAX_LENGTH);
    }
    for (char c : q.toCharArray()) {
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        throw new IllegalArgumentException("the PromQL query contains a control character");
      }
    }
    balanced(q);
    if (MATCH_ALL.matcher(q).find()) {
      throw new IllegalArgumentException(
          "the PromQL query selects every series; name a metric, e.g."
              + " container_memory_working_set_bytes{namespace=\"x\"}");
    }
    Matcher m = RANGE.matcher(q);
    while (m.find()) {
      Duration d = duration(Long.parseLong(m.group(1)), m.group(2));
      if (d.compareTo(MAX_RANGE) > 0) {
        throw new IllegalArgumentException(
            "range [" + m.group(1) + m.group(2) + "] is longer than 7d; use a shorter window");
      }
    }
    return q;
  }

  private static void balanced(String q) {
    Deque<Character> open = new ArrayDeque<>();
    boolean quoted = false;
    char quote = 0;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quoted = false;
        }
        continue;
      }
      switch (c) {
        case '"', '\'', '`' -> {
          quoted = true;
          quote = c;
        }
        case '(', '[', '{' -> open.push(c);
        case ')', ']', '}' -> {
          char want = c == ')' ? '(' : c == ']' ? '[' : '{';
          if (open.isEmpty() || open.pop() != want) {
            throw new IllegalArgumentException("unbalanced '" + c + "' at position " + (i + 1));
          }
        }
        default -> {}
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated string in the PromQL query");
    }
    if (!open.isEmpty()) {
      throw new IllegalArgumentException("unclosed '" + open.peek() + "' in the PromQL query");
    }
  }

  static Duration duration(long n, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> Duration.ofDays(365 * n);
    };
  }
}
