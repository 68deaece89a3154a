package lookout.bot.inspect;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week; {@code *}, lists,
 * ranges, steps; Sunday is 0 or 7; names like MON or JAN are accepted) evaluated in a time zone. As
 * in cron, when both day fields are restricted a day matches if either does.
 */
public final class CronSchedule {
  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean anyDay;
  private final boolean anyWeekday;

  private CronSchedule(String text, String[] f) {
    this.text = text;
    this.minutes = Field.parse(f[0], 0, 59, null, "minute");
    this.hours = Field.parse(f[1], 0, 23, null, "hour");
    this.days = Field.parse(f[2], 1, 31, null, "day of month");
    this.months = Field.parse(f[3], 1, 12, Field.MONTHS, "month");
    BitSet dow = Field.parse(f[4], 0, 7, Field.DAYS, "day of week");
    if (dow.get(7)) {
      dow.set(0);
    }
    this.weekdays = dow;
    this.anyDay = f[2].equals("*");
    this.anyWeekday = f[4].equals("*");
  }

  /**
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public static CronSchedule parse(String text) {
    String[] fields = text == null ? new String[0] : text.strip().split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "expected 5 fields (minute hour day-of-month month day-of-week), got " + fields.length);
    }
    return new CronSchedule(text.strip(), fields);
  }

  /** The first matching minute strictly after {@code after}, in {@code zone}. */
  public ZonedDateTime next(ZonedDateTime after, ZoneId zone) {
    ZonedDateTime t =
        after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime limit = t.plusYears(5);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return t;
      }
    }
    throw new IllegalStateException("the schedule '" + text + "' never fires");
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean dom = days.get(t.getDayOfMonth());
    boolean dow =
        weekdays.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
    if (anyDay || anyWeekday) {
      return dom && dow;
    }
    return dom || dow;
  }

  @Override
  public String toString() {
    return text;
  }
}
