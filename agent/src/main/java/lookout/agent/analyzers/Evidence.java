package lookout.agent.analyzers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lookout.agent.text.Ages;

/** Formatting shared by analyzers: evidence lines stay one short line each, whatever the input. */
final class Evidence {
  /** Longest evidence line; longer ones end in "…" so one noisy log line cannot flood an answer. */
  static final int MAX_LINE = 200;

  private Evidence() {}

  /**
   * One line: control characters and line breaks become spaces, runs collapse, long text is cut.
   */
  static String clip(String text) {
    return clip(text, MAX_LINE);
  }

  /** As {@link #clip(String)}, cut at {@code max} characters instead. */
  static String clip(String text, int max) {
    final int MAX_LINE = max;
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_LINE + 16));
    boolean space = false;
    for (int i = 0; i < text.length() && sb.length() <= MAX_LINE; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = sb.length() > 0;
        continue;
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      sb.append(c);
    }
    if (sb.length() <= MAX_LINE) {
      return sb.toString();
    }
    int cut = MAX_LINE - 1;
    if (Character.isHighSurrogate(sb.charAt(cut - 1))) {
      cut--; // never split a surrogate pair
    }
    return sb.substring(0, cut) + "…";
  }

  /**
   * "{@code prefix}a, b, c, … 9 more": as many whole names as fit in one evidence line, and how
   * many did not, rather than a name cut in half.
   */
  static String names(String prefix, List<String> names) {
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = 0; i < names.size(); i++) {
      String next = (i == 0 ? "" : ", ") + names.get(i);
      String rest = (i == 0 ? "" : ", ") + "… " + (names.size() - i) + " more";
      boolean lastName = i == names.size() - 1;
      if (sb.length() + next.length() + (lastName ? 0 : rest.length() + 2) > MAX_LINE) {
        return clip(sb.append(rest).toString());
      }
      sb.append(next);
    }
    return clip(sb.toString());
  }

  /**
   * A Kubernetes timestamp (RFC 3339, with or without fraction), or empty when absent or garbled.
   */
  static Optional<Instant> instant(String timestamp) {
    return Ages.instant(timestamp);
  }

  /** "2m ago", or "" when the timestamp is unknown. */
  static String ago(Clock clock, String timestamp) {
    return instant(timestamp).map(t -> ago(clock, t)).orElse("");
  }

  static String ago(Clock clock, Instant then) {
    return age(Duration.between(then, clock.instant())) + " ago";
  }

  /** Coarse human age: 45s, 12m, 5h, 3d. Negative durations (clock skew) count as 0s. */
  static String age(Duration d) {
    return Ages.age(d);
  }

  /** Null-safe int for the many optional Integer fields of the Kubernetes model. */
  static int intOf(Integer value) {
    return value == null ? 0 : value;
  }

  static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }
}
