package lookout.bot.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Alertmanager-style label matcher: {@code name=value}, {@code name!=value}, {@code
 * name=~regex}, {@code name!~regex}. Regexes are anchored like Alertmanager's; a missing label
 * counts as the empty string.
 */
public record LabelMatcher(String name, String op, String value, Pattern regex) {
  private static final Pattern SHAPE =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*(\"(.*)\"|(.*?))\\s*");

  public boolean matches(Map<String, String> labels) {
    String actual = labels.getOrDefault(name, "");
    return switch (op) {
      case "=" -> actual.equals(value);
      case "!=" -> !actual.equals(value);
      case "=~" -> regex.matcher(actual).matches();
      default -> !regex.matcher(actual).matches();
    };
  }

  /**
   * Parses {@code "namespace=~prod-.*, severity=critical"} (comma-separated, all must match; an
   * empty string matches everything). Throws {@link IllegalArgumentException} naming the bad part.
   */
  public static List<LabelMatcher> parseAll(String text) {
    List<LabelMatcher> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : splitOnCommas(text)) {
      var m = SHAPE.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "\"" + part.strip() + "\" is not a matcher like name=value, name!=value, name=~regex");
      }
      String value = m.group(4) != null ? m.group(4) : m.group(5);
      Pattern regex = null;
      if (m.group(2).contains("~")) {
        try {
          regex = Pattern.compile(value);
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(
              "\"" + value + "\" is not a valid regex: " + e.getDescription());
        }
      }
      out.add(new LabelMatcher(m.group(1), m.group(2), value, regex));
    }
    return out;
  }

  // Commas inside quotes or braces belong to the value (e.g. a regex like a{1,3}).
  private static List<String> splitOnCommas(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    int braces = 0;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '{') {
        braces++;
      } else if (!quoted && c == '}') {
        braces = Math.max(0, braces - 1);
      }
      if (c == ',' && !quoted && braces == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts.stream().filter(p -> !p.isBlank()).toList();
  }

  @Override
  public String toString() {
    return name + op + value;
  }
}
