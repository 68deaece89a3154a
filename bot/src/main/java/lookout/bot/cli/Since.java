package lookout.bot.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code --since}: a duration back from now ({@code 90s}, {@code 15m}, {@code 24h}, {@code
 * 7d}), a UTC date ({@code 2026-11-01}) or an instant ({@code 2026-11-01T08:00:00Z}).
 */
final class Since {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Since() {}

  /**
   * @throws IllegalArgumentException naming the value and the accepted forms
   */
  static Instant parse(String text, Instant now) {
    String value = text == null ? "" : text.strip();
    Matcher m = DURATION.matcher(value);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration back =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
      return now.minus(back);
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--since: \""
              + value
              + "\" is not a duration or date — expected e.g. 24h, 7d, 2026-11-01 or"
              + " 2026-11-01T08:00:00Z");
    }
  }
}
