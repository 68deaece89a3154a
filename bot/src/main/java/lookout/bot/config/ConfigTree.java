package lookout.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of the parsed YAML while collecting every problem with its key path, so
 * one run reports all mistakes at once. Also expands {@code ${VAR}} and {@code ${VAR:-default}} in
 * strings.
 */
final class ConfigTree {
  private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");
  private static final Pattern SECRET = Pattern.compile("(?i)token|key|secret|password");
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

  private final Function<String, String> env;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> accepted = new TreeSet<>();

  ConfigTree(Function<String, String> env) {
    this.env = env;
  }

  List<String> problems() {
    return problems;
  }

  /**
   * Every key some mapping checked so far accepts, list indexes written {@code []} (e.g. {@code
   * clusters[].name}): the loader's own schema, which docs/configuration.md is tested against.
   */
  Set<String> acceptedKeys() {
    return accepted;
  }

  void problem(String key, Object value, String expected) {
    // Never echo secrets into logs: name the key, hide the value.
    String shown = SECRET.matcher(key).find() ? "(hidden)" : describe(value);
    problems.add(key + ": " + shown + " — expected " + expected);
  }

  /** The object at {@code key}, or an empty one; reports keys not in {@code allowed}. */
  ObjectNode object(JsonNode parent, String field, String key, Set<String> allowed) {
    accept(key, allowed);
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || node.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      problem(key, node, "a mapping with keys " + allowed);
      return JsonNodeFactory.instance.objectNode();
    }
    checkKeys((ObjectNode) node, key, allowed);
    return (ObjectNode) node;
  }

  void checkKeys(ObjectNode node, String key, Set<String> allowed) {
    accept(key, allowed);
    Set<String> unknown = new TreeSet<>();
    node.fieldNames()
        .forEachRemaining(
            n -> {
              if (!allowed.contains(n)) {
                unknown.add(n);
              }
            });
    for (String name : unknown) {
      problems.add(
          (key.isEmpty() ? name : key + "." + name)
              + ": unknown key — expected one of "
              + new TreeSet<>(allowed));
    }
  }

  private void accept(String key, Set<String> allowed) {
    String prefix = key.isEmpty() ? "" : INDEX.matcher(key).replaceAll("[]") + ".";
    allowed.forEach(name -> accepted.add(prefix + name));
  }

  Optional<String> string(JsonNode parent, String field, String key) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isValueNode() || node.isBinary()) {
      problem(key, node, "a string");
      return Optional.empty();
    }
    return expand(node.asText(), key).filter(s -> !s.isEmpty());
  }

  boolean bool(JsonNode parent, String field, String key, boolean fallback) {
    Optional<String> raw = string(parent, field, key);
    if (raw.isEmpty()) {
      return fallback;
    }
    return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> {
        problem(key, raw.get(), "true or false");
        yield fallback;
      }
    };
  }

  int integer(JsonNode parent, String field, String key, int fallback, int min, int max) {
    Optional<String> raw = string(parent, field, key);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get().strip());
      if (value < min || value > max) {
        problem(key, raw.get(), "an integer from " + min + " to " + max);
        return fallback;
      }
      return value;
    } catch (NumberFormatException e) {
      problem(key, raw.get(), "an integer from " + min + " to " + max);
      return fallback;
    }
  }

  Duration duration(JsonNode parent, String field, String key, Duration fallback) {
    Optional<String> raw = string(parent, field, key);
    if (raw.isEmpty()) {
      return fallback;
    }
    Matcher m = DURATION.matcher(raw.get().strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      problem(key, raw.get(), "a positive duration such as 500ms, 30s, 15m, 1h or 1d");
      return fallback;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** Elements of a sequence at {@code field}; a scalar is reported. */
  List<JsonNode> list(JsonNode parent, String field, String key) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      problem(key, node, "a list");
      return List.of();
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private Optional<String> expand(String text, String key) {
    Matcher m = VAR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.apply(m.group(1));
      if (value == null) {
        if (m.group(2) == null) {
          problems.add(
              key
                  + ": environment variable "
                  + m.group(1)
                  + " is not set — set it or write ${"
                  + m.group(1)
                  + ":-default}");
          return Optional.empty();
        }
        value = m.group(3);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  /**
   * True for an absolute http(s) URL with a host: what every {@code apiUrl}/{@code url} key takes.
   */
  static boolean httpUrl(String url) {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      return false;
    }
    try {
      return URI.create(url).getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String describe(Object value) {
    String text =
        value instanceof JsonNode n
            ? (n.isTextual() ? n.asText() : n.toString())
            : String.valueOf(value);
    if (text.length() > 80) {
      text = text.substring(0, 80) + "…";
    }
    return "\"" + text + "\"";
  }
}
