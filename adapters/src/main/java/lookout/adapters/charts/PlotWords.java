package lookout.adapters.charts;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;

/**
 * The words a chart adds around its data, in English and Simplified Chinese. The chart font carries
 * every character used here (adapters/src/font/subset-chart-font.sh reads this file).
 */
enum PlotWords {
  NO_DATA("no data", "无数据"),
  /** Subtitle of a time chart: the zone its axis is labelled in. */
  TIMES_IN("times in %s", "时间（%s）"),
  /** Under a bar chart: what the red tick on each bar is. */
  MARK("red mark: %s", "红色刻度：%s"),
  /** A bar's value against its mark. */
  VALUE_OF_MARK("%s of %s", "%s / %s"),
  /** A day tick on a time axis: the date ({@code MM-dd}) and the weekday's name. */
  DAY_TICK("%2$s %1$s", "%1$s %2$s");

  /**
   * Weekday names, Monday first. Chinese ones are spelled here rather than taken from the JDK's
   * locale data, which a slim runtime (jlink without jdk.localedata) does not have.
   */
  private static final List<String> WEEKDAYS =
      List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

  private static final List<String> WEEKDAYS_ZH = List.of("周一", "周二", "周三", "周四", "周五", "周六", "周日");

  private final String english;
  private final String chinese;

  PlotWords(String english, String chinese) {
    this.english = english;
    this.chinese = chinese;
  }

  String in(Locale locale, Object... args) {
    return String.format(Locale.ROOT, template(locale), args);
  }

  private String template(Locale locale) {
    return chinese(locale) ? chinese : english;
  }

  /** Chinese for any {@code zh} locale; English for everything else. */
  static boolean chinese(Locale locale) {
    return "zh".equals(locale.getLanguage());
  }

  static String weekday(DayOfWeek day, Locale locale) {
    return (chinese(locale) ? WEEKDAYS_ZH : WEEKDAYS).get(day.getValue() - 1);
  }
}
