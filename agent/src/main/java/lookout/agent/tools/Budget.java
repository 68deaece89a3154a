package lookout.agent.tools;

import java.nio.charset.StandardCharsets;

/**
 * Per-tool output budgets. Over budget, text is cut at the last line that fits (a structural
 * boundary: lines are records — a pod, an event, a log line) and a note says how many lines were
 * left out and how to narrow the call, so the model asks a better question instead of a bigger one.
 */
public final class Budget {
  /** Default budget of one tool result, in UTF-8 bytes (about 1,000 tokens). */
  public static final int DEFAULT_BYTES = 4_000;

  private Budget() {}

  /**
   * {@code text} if it fits in {@code maxBytes} UTF-8 bytes, else its leading whole lines that fit
   * plus {@code … N more lines cut (budget B bytes) — narrow by <hint>}.
   */
  public static String cut(String text, int maxBytes, String narrowBy) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    int used = 0;
    int kept = 0;
    for (String line : lines) {
      int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
      if (used + size > maxBytes - 120) {
        break;
      }
      out.append(line).append('\n');
      used += size;
      kept++;
    }
    if (kept == 0) {
      // one enormous line: cut it at a character boundary instead
      String first = lines[0];
      int chars = Math.min(first.length(), Math.max(0, (maxBytes - 120) / 3));
      out.append(first, 0, chars).append("…\n");
      kept = 1;
    }
    return out.append("… ")
        .append(lines.length - kept)
        .append(" more lines cut (budget ")
        .append(maxBytes)
        .append(" bytes) — narrow by ")
        .append(narrowBy)
        .toString();
  }

  /**
   * For a log, where the newest lines matter most: {@code text} if it fits, else its first line
   * (the header saying whose log it is) and the newest whole lines that fit, with a note in between
   * saying how many older lines were left out.
   */
  public static String keepTail(String text, int maxBytes, String narrowBy) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    String header = lines[0];
    int used = header.getBytes(StandardCharsets.UTF_8).length + 1 + 120;
    int first = lines.length;
    while (first > 1) {
      int size = lines[first - 1].getBytes(StandardCharsets.UTF_8).length + 1;
      if (used + size > maxBytes) {
        break;
      }
      used += size;
      first--;
    }
    StringBuilder out = new StringBuilder(header).append('\n');
    out.append("… ")
        .append(first - 1)
        .append(" older lines cut (budget ")
        .append(maxBytes)
        .append(" bytes) — narrow by ")
        .append(narrowBy)
        .append('\n');
    for (int i = first; i < lines.length; i++) {
      out.append(lines[i]);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
