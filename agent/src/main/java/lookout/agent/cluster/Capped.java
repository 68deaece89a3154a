package lookout.agent.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Hard caps on what a read returns. Output goes to chat and to an LLM's context, so it is bounded,
 * and a cut list says how much was left out and how to narrow the question.
 */
public final class Capped {
  /** Lines per list unless a caller asks for fewer. */
  public static final int MAX_LINES = 50;

  /** Longest single line; the rest is replaced by an ellipsis. */
  public static final int MAX_LINE_CHARS = 300;

  private Capped() {}

  /**
   * At most {@code max} lines, then one line {@code … 120 more — narrow by <hint>} if any were cut.
   */
  public static List<String> lines(List<String> lines, int max, String hint) {
    if (lines.size() <= max) {
      return List.copyOf(lines);
    }
    List<String> out = new ArrayList<>(lines.subList(0, max));
    out.add("… " + (lines.size() - max) + " more — narrow by " + hint);
    return List.copyOf(out);
  }

  /** One line: control characters become spaces, long text ends in an ellipsis. */
  public static String line(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_LINE_CHARS + 1));
    for (int i = 0; i < text.length() && sb.length() <= MAX_LINE_CHARS; i++) {
      char c = text.charAt(i);
      sb.append(c == '\t' ? ' ' : Character.isISOControl(c) ? ' ' : c);
    }
    if (sb.length() <= MAX_LINE_CHARS) {
      return sb.toString();
    }
    int cut = MAX_LINE_CHARS - 1;
    if (Character.isHighSurrogate(sb.charAt(cut - 1))) {
      cut--;
    }
    return sb.substring(0, cut) + "…";
  }
}
