package lookout.agent.analyzers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Picks the lines of a log that explain a failure: lines that look like errors plus the last few
 * lines (what the process said before it died), with repeats folded as {@code (×12) …}. The result
 * is short enough to put in a chat answer or an LLM prompt.
 */
public final class ErrorLines {
  /** How many final lines are always kept: a crash's last words often carry no error keyword. */
  static final int FINAL_LINES = 3;

  private static final Pattern ERROR =
      Pattern.compile(
          "\\b(error|errors|err|fatal|panic|critical|crit|severe|emerg)\\b|exception|caused"
              + " by|traceback|segmentation fault|out of"
              + " memory|outofmemory|\\bfailed\\b|\\bfailure\\b|\\bcannot\\b|refused"
              // a CLI's own complaints (Go's flag package, getopt, cobra, argparse) and the
              // system's: the line before a usage text is the reason the process exited
              + "|not defined|\\bunknown (flag|option|command|shorthand)|unrecognized"
              + "|\\binvalid\\b|denied|no such file|not found|unable to|could not|couldn't"
              + "|timed out|\\bunexpected\\b|\\bmissing\\b|\\brequired\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Stack frames (Java, Python) repeat what the exception line says and would crowd it out, even
   * among the final lines.
   */
  private static final Pattern FRAME =
      Pattern.compile(
          "^\\s*at [\\w$.<>/]+\\(|^\\s*\\.\\.\\. \\d+ more|^\\s*File \".+\", line \\d+");

  /**
   * Leading timestamps (ISO 8601, klog {@code E0102 15:04:05.123}, bare times) differ on repeats.
   */
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "^\\s*\\[?(\\d{4}-\\d{2}-\\d{2}[t ][0-9:.,]+(z|[+-]\\d{2}:?\\d{2})?|[iwef]\\d{4}"
              + " [0-9:.]+|\\d{2}:\\d{2}:\\d{2}[0-9.,]*)\\]?",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private ErrorLines() {}

  /** True when the line reads like an error (error, fatal, exception, failed, refused…). */
  static boolean isError(String line) {
    return line != null && ERROR.matcher(line).find();
  }

  /**
   * Error-looking lines and the final lines of {@code log}, in log order, repeats folded into one
   * entry showing the latest occurrence, at most {@code cap} entries (the most recent; the first
   * entry then says how many were left out). Each entry is one line of at most 200 characters.
   */
  public static List<String> extract(List<String> log, int cap) {
    if (log == null || log.isEmpty() || cap <= 0) {
      return List.of();
    }
    List<String> lines =
        log.stream().filter(l -> l != null && !l.isBlank() && !FRAME.matcher(l).find()).toList();
    Map<String, Entry> folded = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean last = i >= lines.size() - FINAL_LINES;
      if (!last && !ERROR.matcher(line).find()) {
        continue;
      }
      String key = DIGITS.matcher(TIMESTAMP.matcher(line).replaceFirst("")).replaceAll("#").trim();
      Entry previous = folded.remove(key); // re-insert so the order follows the latest occurrence
      folded.put(key, new Entry(line, previous == null ? 1 : previous.count() + 1));
    }
    List<String> out = new ArrayList<>();
    for (Entry e : folded.values()) {
      out.add(Evidence.clip((e.count() > 1 ? "(×" + e.count() + ") " : "") + e.line()));
    }
    if (out.size() <= cap) {
      return out;
    }
    int dropped = out.size() - (cap - 1);
    List<String> kept = new ArrayList<>();
    kept.add("… " + dropped + " earlier error lines not shown");
    kept.addAll(out.subList(dropped, out.size()));
    return kept.subList(0, Math.min(kept.size(), cap));
  }

  private record Entry(String line, int count) {}
}
