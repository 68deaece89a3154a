package lookout.agent.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Folds runs of log lines that differ only in numbers (timestamps, counters, ids) into one line
 * prefixed {@code (×N)}: a retry loop printing the same error 400 times costs one line.
 */
final class Folding {
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private Folding() {}

  static List<String> fold(List<String> lines) {
    List<String> out = new ArrayList<>();
    String lastKey = null;
    String lastLine = null;
    int count = 0;
    for (String line : lines) {
      String key = DIGITS.matcher(line).replaceAll("#");
      if (key.equals(lastKey)) {
        count++;
        lastLine = line;
        continue;
      }
      flush(out, lastLine, count);
      lastKey = key;
      lastLine = line;
      count = 1;
    }
    flush(out, lastLine, count);
    return out;
  }

  private static void flush(List<String> out, String line, int count) {
    if (line != null) {
      out.add(count > 1 ? "(×" + count + ") " + line : line);
    }
  }
}
