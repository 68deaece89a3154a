package lookout.agent.analyzers;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CronJob schedule as the CronJob controller reads it (standard five fields, names, ranges,
 * steps, {@code @hourly}-style macros, a {@code CRON_TZ=}/{@code TZ=} prefix or spec.timeZone),
 * enough to tell when runs were due. Day-of-month and day-of-week combine like cron: either one
 * matching is enough when both are restricted.
 */
final class CronSchedule {
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  /** Never look further than this for the next run: a schedule like "0 0 30 2 *" never fires. */
  private static final long HORIZON_MINUTES = 366L * 24 * 60 * 5;

  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean anyDay;
  private final boolean anyWeekday;
  private final ZoneId zone;

  private CronSchedule(String[] f, ZoneId zone) {
    this.minutes = field(f[0], 0, 59, List.of());
    this.hours = field(f[1], 0, 23, List.of());
    this.days = field(f[2], 1, 31, List.of());
    this.months = field(f[3], 1, 12, MONTHS);
    BitSet w = field(f[4], 0, 7, DAYS);
    if (w.get(7)) {
      w.set(0); // 7 is Sunday too
    }
    this.weekdays = w;
    this.anyDay = f[2].equals("*") || f[2].equals("?");
    this.anyWeekday = f[4].equals("*") || f[4].equals("?");
    this.zone = zone;
  }

  /** The schedule, or empty when the controller could not parse it either. */
  static Optional<CronSchedule> parse(String schedule, String timeZone) {
    if (schedule == null) {
      return Optional.empty();
    }
    try {
      String s = schedule.trim();
      ZoneId zone = timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone);
      if (s.startsWith("CRON_TZ=") || s.startsWith("TZ=")) {
        int space = s.indexOf(' ');
        zone = ZoneId.of(s.substring(s.indexOf('=') + 1, space));
        s = s.substring(space + 1).trim();
      }
      s = MACROS.getOrDefault(s.toLowerCase(Locale.ROOT), s);
      String[] fields = s.split("\\s+");
      return fields.length == 5 ? Optional.of(new CronSchedule(fields, zone)) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty(); // garbled field, unknown zone, @every (not a calendar schedule)
    }
  }

  /** The first run strictly after {@code after}, or empty when none is due within years. */
  Optional<Instant> next(Instant after) {
    ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    long steps = 0;
    while (steps++ < HORIZON_MINUTES) {
      if (!months.get(t.getMonthValue())) {
        t = t.plusMonths(1).withDayOfMonth(1).withHour(0).withMinute(0);
      } else if (!dayMatches(t)) {
        t = t.plusDays(1).withHour(0).withMinute(0);
      } else if (!hours.get(t.getHour())) {
        t = t.plusHours(1).withMinute(0);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return Optional.of(t.toInstant());
      }
    }
    return Optional.empty();
  }

  /** Runs due in ({@code from}, {@code to}], counted up to {@code cap}, and the last of them. */
  Due due(Instant from, Instant to, int cap) {
    int count = 0;
    Instant last = null;
    Optional<Instant> t = next(from);
    while (t.isPresent() && !t.get().isAfter(to) && count < cap) {
      count++;
      last = t.get();
      t = next(t.get());
    }
    return new Due(count, last);
  }

  record Due(int count, Instant last) {}

  private boolean dayMatches(ZonedDateTime t) {
    boolean day = days.get(t.getDayOfMonth());
    boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
    return anyDay || anyWeekday ? day && weekday : day || weekday;
  }

  private static BitSet field(String text, int min, int max, List<String> names) {
    BitSet bits = new BitSet(max + 1);
    for (String part : text.split(",")) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = Integer.parseInt(part.substring(slash + 1));
      }
      int lo;
      int hi;
      if (range.equals("*") || range.equals("?")) {
        lo = min;
        hi = max;
      } else if (range.contains("-")) {
        lo = value(range.substring(0, range.indexOf('-')), names, min);
        hi = value(range.substring(range.indexOf('-') + 1), names, min);
      } else {
        lo = value(range, names, min);
        hi = slash >= 0 ? max : lo;
      }
      if (lo < min || hi > max || lo > hi || step <= 0) {
        throw new DateTimeException("cron field out of range: " + part);
      }
      for (int v = lo; v <= hi; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int value(String text, List<String> names, int min) {
    int named = names.indexOf(text.toUpperCase(Locale.ROOT));
    if (named >= 0) {
      return named + min;
    }
    return Integer.parseInt(text);
  }
}
