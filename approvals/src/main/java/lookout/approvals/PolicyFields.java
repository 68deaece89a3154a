package lookout.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a YAML tree while collecting every problem with its key path, so a
 * policy author sees all mistakes at once ({@code policy.yaml: rules[1].ttl: "5x" is not a duration
 * ...}). Readers return a fallback after recording an error, so validation can continue.
 */
final class PolicyFields {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");
  private static final Pattern DURATIONS = Pattern.compile("(\\d{1,9}[smhd])+");

  private final String source;
  private final List<String> errors = new ArrayList<>();

  PolicyFields(String source) {
    this.source = source;
  }

  void error(String path, String problem) {
    errors.add(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
  }

  List<String> errors() {
    return errors;
  }

  /** Records an error for every key of {@code map} not in {@code allowed} (typos must not pass). */
  void rejectUnknownKeys(JsonNode map, String path, Set<String> allowed) {
    for (Map.Entry<String, JsonNode> field : map.properties()) {
      String key = field.getKey();
      if (!allowed.contains(key)) {
        error(join(path, key), "unknown key — expected one of " + String.join(", ", allowed));
      }
    }
  }

  boolean bool(JsonNode node, String path, boolean fallback) {
    if (absent(node)) {
      return fallback;
    }
    if (!node.isBoolean()) {
      error(path, show(node) + " is not a boolean — expected true or false");
      return fallback;
    }
    return node.booleanValue();
  }

  Duration duration(JsonNode node, String path, Duration fallback, Duration max) {
    if (absent(node)) {
      return fallback;
    }
    String text = node.isTextual() ? node.textValue().trim() : "";
    if (!DURATIONS.matcher(text).matches()) {
      error(
          path,
          show(node)
              + " is not a duration — expected a number and a unit s, m, h or d"
              + " (e.g. 90s, 15m, 1h, 1h30m)");
      return fallback;
    }
    Duration total = Duration.ZERO;
    Matcher m = DURATION.matcher(text);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
    }
    if (total.isZero()) {
      error(path, show(node) + " is zero — expected a positive duration");
      return fallback;
    }
    if (total.compareTo(max) > 0) {
      error(path, show(node) + " is too long — expected at most " + max.toHours() + "h");
      return fallback;
    }
    return total;
  }

  OptionalInt nonNegativeInt(JsonNode node, String path) {
    if (absent(node)) {
      return OptionalInt.empty();
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 0) {
      error(path, show(node) + " is not allowed — expected a whole number >= 0");
      return OptionalInt.empty();
    }
    return OptionalInt.of(node.intValue());
  }

  /** A list of scalars as text; {@code null} when absent (caller decides the default). */
  List<String> strings(JsonNode node, String path, String example) {
    if (absent(node)) {
      return null;
    }
    if (!node.isArray()) {
      error(path, show(node) + " is not a list — expected a list, e.g. " + example);
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (item.isTextual() || item.isNumber()) {
        out.add(item.asText().trim());
      } else {
        error(path + "[" + i + "]", show(item) + " is not a name — expected text");
      }
    }
    return out;
  }

  String text(JsonNode node, String path) {
    if (absent(node)) {
      return null;
    }
    if (!node.isTextual() || node.textValue().isBlank()) {
      error(path, show(node) + " is not allowed — expected non-empty text");
      return null;
    }
    return node.textValue().trim();
  }

  static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The value as the author wrote it: quoted text, or JSON-ish for anything else. */
  static String show(JsonNode node) {
    String s = node.isTextual() ? "\"" + node.textValue() + "\"" : node.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
