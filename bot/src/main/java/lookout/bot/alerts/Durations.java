package lookout.bot.alerts;

import java.time.Duration;

/** Short human durations: "45s", "12m 3s", "2h 5m", "3d 4h". */
final class Durations {
  private Durations() {}

  static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m " + s % 60 + "s";
    }
    if (s < 86_400) {
      return s / 3600 + "h " + s % 3600 / 60 + "m";
    }
    return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
  }
}
