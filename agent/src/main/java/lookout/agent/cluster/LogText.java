package lookout.agent.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Turns raw log bytes into the newest lines, keeping at most {@link #MAX_BYTES} of text. */
final class LogText {
  static final int MAX_BYTES = 64 * 1024;

  private LogText() {}

  /**
   * @param truncated true when the read already stopped at its byte limit
   */
  static LogTail tail(String container, byte[] bytes, boolean truncated, int lines) {
    boolean cut = truncated;
    int from = 0;
    if (bytes.length > MAX_BYTES) {
      from = bytes.length - MAX_BYTES;
      cut = true;
    }
    String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    if (from > 0 && text.indexOf('\n') >= 0) {
      text = text.substring(text.indexOf('\n') + 1); // the first line was cut in the middle
    }
    List<String> all = Arrays.asList(text.split("\r?\n", -1));
    int end = all.size();
    while (end > 0 && all.get(end - 1).isEmpty()) {
      end--;
    }
    List<String> tail =
        all.subList(Math.max(0, end - lines), end).stream().map(Capped::line).toList();
    return new LogTail(container, tail, null, cut);
  }
}
