package lookout.approvals;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One matcher of an Alertmanager silence, as API v2 spells it: {@code {name, value, isRegex,
 * isEqual}}. Regexes are anchored by Alertmanager, as in its matchers everywhere.
 *
 * @param regex {@code =~} / {@code !~} rather than {@code =} / {@code !=}
 * @param equal {@code =} / {@code =~} rather than {@code !=} / {@code !~}
 */
public record SilenceMatcher(String name, String value, boolean regex, boolean equal) {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  public SilenceMatcher {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!LABEL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "matcher name \"" + name + "\" is not a label name (letters, digits, _)");
    }
    if (regex) {
      try {
        Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "matcher " + name + " has a value that is not a regex: " + e.getDescription());
      }
    }
  }

  /** {@code name="value"}: a label that must equal the value. */
  public static SilenceMatcher equal(String name, String value) {
    return new SilenceMatcher(name, value, false, true);
  }

  /** True when a label set with these labels is matched (a missing label counts as ""). */
  public boolean matches(java.util.Map<String, String> labels) {
    String actual = labels.getOrDefault(name, "");
    boolean hit = regex ? Pattern.compile(value).matcher(actual).matches() : value.equals(actual);
    return hit == equal;
  }

  /** {@code name="value"}, {@code name!~"value"} …, as Alertmanager prints matchers. */
  @Override
  public String toString() {
    String op = (equal ? "=" : "!=") + (regex ? "~" : "");
    if (!equal && regex) {
      op = "!~";
    }
    return name + op + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
