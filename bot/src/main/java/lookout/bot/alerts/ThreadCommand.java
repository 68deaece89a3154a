package lookout.bot.alerts;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be said in an alert thread instead of pressing a root button: {@code ack} / {@code 认领},
 * {@code silence 2h} / {@code 静默 2小时}, {@code unsilence} / {@code 取消静默}. Anything else is a
 * question for the agent.
 */
sealed interface ThreadCommand {
  record Acknowledge() implements ThreadCommand {}

  record Silence(Duration duration) implements ThreadCommand {}

  record Unsilence() implements ThreadCommand {}

  Pattern ACK = Pattern.compile("(?:ack|acknowledge|own|mine|认领|我来处理)[.!。！]?");
  Pattern UNSILENCE = Pattern.compile("(?:unsilence|unmute|取消静默|解除静默)[.!。！]?");
  Pattern SILENCE =
      Pattern.compile(
          "(?:silence|mute|静默)\\s*(?:for\\s+)?([0-9]+|[一二两三四五六七八九十]+)\\s*"
              + "(m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|分钟|分|小时|个小时|钟头|天)[.!。！]?");
  Map<Character, Integer> DIGITS =
      Map.of('一', 1, '二', 2, '两', 2, '三', 3, '四', 4, '五', 5, '六', 6, '七', 7, '八', 8, '九', 9);

  static Optional<ThreadCommand> parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (ACK.matcher(t).matches()) {
      return Optional.of(new Acknowledge());
    }
    if (UNSILENCE.matcher(t).matches()) {
      return Optional.of(new Unsilence());
    }
    Matcher m = SILENCE.matcher(t);
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = number(m.group(1));
    if (n <= 0) {
      return Optional.empty();
    }
    String unit = m.group(2);
    Duration d =
        unit.startsWith("m") || unit.startsWith("分")
            ? Duration.ofMinutes(n)
            : unit.startsWith("d") || unit.equals("天") ? Duration.ofDays(n) : Duration.ofHours(n);
    return Optional.of(new Silence(d));
  }

  /** Digits, or a Chinese number up to 99 (两, 十二, 二十四). */
  private static long number(String s) {
    if (Character.isDigit(s.charAt(0))) {
      return s.length() > 6 ? -1 : Long.parseLong(s);
    }
    int ten = s.indexOf('十');
    if (ten < 0) {
      return s.length() == 1 ? DIGITS.getOrDefault(s.charAt(0), -1) : -1;
    }
    long tens = ten == 0 ? 1 : DIGITS.getOrDefault(s.charAt(0), -100);
    long ones = ten == s.length() - 1 ? 0 : DIGITS.getOrDefault(s.charAt(ten + 1), -100);
    return tens * 10 + ones;
  }
}
