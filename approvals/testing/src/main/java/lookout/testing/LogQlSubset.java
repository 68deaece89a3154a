package lookout.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of LogQL the fake Loki evaluates: a stream selector ({@code {k="v", k!="v", k=~"re",
 * k!~"re"}}) followed by line filters ({@code |= "x"}, {@code != "x"}, {@code |~ "re"}, {@code !~
 * "re"}); strings in double quotes (with {@code \"} and {@code \\} escapes) or backticks. Anything
 * else is refused with the words Loki's parser uses ({@code parse error at line 1, col N: syntax
 * error: unexpected …}), and a selector of only empty-compatible matchers with Loki's message for
 * it.
 */
final class LogQlSubset {
  /** Loki's message when no matcher narrows the selector (pkg/logql/syntax). */
  static final String EMPTY_COMPATIBLE =
      "parse error : queries require at least one regexp or equality matcher that does not have"
          + " an empty-compatible value. For instance, app=~\".*\" does not meet this requirement,"
          + " but app=~\".+\" will";

  record Matcher(String label, String op, String value) {
    boolean matches(Map<String, String> labels) {
      String v = labels.getOrDefault(label, "");
      return switch (op) {
        case "=" -> v.equals(value);
        case "!=" -> !v.equals(value);
        case "=~" -> Pattern.compile(value).matcher(v).matches();
        default -> !Pattern.compile(value).matcher(v).matches();
      };
    }

    boolean emptyCompatible() {
      return matches(Map.of());
    }
  }

  record Filter(String op, String value) {
    boolean keeps(String line) {
      return switch (op) {
        case "|=" -> line.contains(value);
        case "!=" -> !line.contains(value);
        case "|~" -> Pattern.compile(value).matcher(line).find();
        default -> !Pattern.compile(value).matcher(line).find();
      };
    }
  }

  /** A parsed query. */
  record Query(List<Matcher> matchers, List<Filter> filters) {
    boolean selects(Map<String, String> labels) {
      return matchers.stream().allMatch(m -> m.matches(labels));
    }

    boolean keeps(String line) {
      return filters.stream().allMatch(f -> f.keeps(line));
    }
  }

  /** Why a query was refused: Loki's words, answered as HTTP 400 text. */
  static final class ParseError extends Exception {
    private static final long serialVersionUID = 1L;

    ParseError(String message) {
      super(message);
    }
  }

  private final String text;
  private int pos;

  private LogQlSubset(String text) {
    this.text = text;
  }

  static Query parse(String text) throws ParseError {
    return new LogQlSubset(text == null ? "" : text).query();
  }

  private Query query() throws ParseError {
    skip();
    expect("{");
    List<Matcher> matchers = new ArrayList<>();
    while (true) {
      skip();
      String label = ident();
      skip();
      String op = op("=~", "!~", "!=", "=");
      skip();
      matchers.add(new Matcher(label, op, string()));
      skip();
      if (peek('}')) {
        pos++;
        break;
      }
      expect(",");
    }
    if (matchers.stream().allMatch(Matcher::emptyCompatible)) {
      throw new ParseError(EMPTY_COMPATIBLE);
    }
    List<Filter> filters = new ArrayList<>();
    skip();
    while (pos < text.length()) {
      String op = op("|=", "!=", "|~", "!~");
      skip();
      filters.add(new Filter(op, string()));
      skip();
    }
    return new Query(matchers, filters);
  }

  private String ident() throws ParseError {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw unexpected();
    }
    return text.substring(start, pos);
  }

  private String op(String... ops) throws ParseError {
    for (String op : ops) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return op;
      }
    }
    throw unexpected();
  }

  private String string() throws ParseError {
    if (peek('`')) {
      int end = text.indexOf('`', pos + 1);
      if (end < 0) {
        throw error("literal not terminated");
      }
      String s = text.substring(pos + 1, end);
      pos = end + 1;
      return s;
    }
    if (!peek('"')) {
      throw unexpected();
    }
    StringBuilder out = new StringBuilder();
    pos++;
    while (pos < text.length() && text.charAt(pos) != '"') {
      char c = text.charAt(pos++);
      if (c == '\\' && pos < text.length()) {
        c = text.charAt(pos++);
      }
      out.append(c);
    }
    if (pos >= text.length()) {
      throw error("literal not terminated");
    }
    pos++;
    return out.toString();
  }

  private void expect(String s) throws ParseError {
    if (!text.startsWith(s, pos)) {
      throw unexpected();
    }
    pos += s.length();
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skip() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private ParseError unexpected() {
    if (pos >= text.length()) {
      return error("syntax error: unexpected $end");
    }
    char c = text.charAt(pos);
    String token =
        Character.isLetter(c)
            ? "IDENTIFIER"
            : Character.isDigit(c) ? "NUMBER" : c == '"' || c == '`' ? "STRING" : "" + c;
    return error("syntax error: unexpected " + token);
  }

  private ParseError error(String what) {
    return new ParseError("parse error at line 1, col " + (pos + 1) + ": " + what);
  }
}
