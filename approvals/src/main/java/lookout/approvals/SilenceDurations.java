package lookout.approvals;

import java.time.Duration;

/** Durations the way people write them for silences: {@code 1h}, {@code 90m}, {@code 1d12h}. */
public final class SilenceDurations {
  private SilenceDurations() {}

  /**
   * {@code 2d}, {@code 4h}, {@code 1h30m}, {@code 45m}, {@code 30s}: whole units, largest first.
   */
  public static String format(Duration d) {
    long seconds = d.getSeconds();
    StringBuilder out = new StringBuilder();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long rest = seconds % 60;
    if (days > 0) {
      out.append(days).append('d');
    }
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (rest > 0 || out.isEmpty()) {
      out.append(rest).append('s');
    }
    return out.toString();
  }
}
