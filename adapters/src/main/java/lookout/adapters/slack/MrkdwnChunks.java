package lookout.adapters.slack;

import java.util.ArrayList;
import java.util.List;

/**
 * Slack mrkdwn helpers: escaping and splitting long text into pieces that fit a block, at line
 * breaks where possible, never inside an escape such as {@code &amp;} or a surrogate pair.
 */
final class MrkdwnChunks {
  private MrkdwnChunks() {}

  /** Escapes the three characters Slack treats as markup in text. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Splits already-escaped {@code text} into pieces of at most {@code max} characters. */
  static List<String> split(String text, int max) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = null;
    for (String line : text.split("\n", -1)) {
      if (current != null && current.length() + 1 + line.length() <= max) {
        current.append('\n').append(line);
        continue;
      }
      if (current != null) {
        pieces.add(current.toString());
      }
      String rest = line;
      while (rest.length() > max) {
        int cut = safeCut(rest, max);
        pieces.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      current = new StringBuilder(rest);
    }
    pieces.add(current.toString());
    return pieces;
  }

  /** Cuts {@code text} to at most {@code max} characters with "…" when it was longer. */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, safeCut(text, max - 1)) + "…";
  }

  /** The last at most {@code max} characters of unescaped {@code text}, never half a pair. */
  static String tail(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int from = text.length() - max;
    if (Character.isLowSurrogate(text.charAt(from))) {
      from++;
    }
    return text.substring(from);
  }

  private static int safeCut(String s, int max) {
    int cut = max;
    int amp = s.lastIndexOf('&', cut - 1);
    if (amp >= 0 && amp > cut - 5 && s.indexOf(';', amp) >= cut) {
      cut = amp;
    }
    if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return Math.max(cut, 1);
  }
}
