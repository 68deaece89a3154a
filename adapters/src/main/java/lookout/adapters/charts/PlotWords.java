package lookout.adapters.charts;

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
  /** Day ticks on a time axis (a {@link java.time.format.DateTimeFormatter} pattern). */
  DAY_TICK("EEE MM-dd", "MM-dd EEE");

  private final String english;
  private final String chinese;

  PlotWords(String english, String chinese) {
    this.english = english;
    this.chinese = chinese;
  }

  String in(Locale locale, Object... args) {
    return String.format(Locale.ROOT, template(locale), args);
  }

  String template(Locale locale) {
    return chinese(locale) ? chinese : english;
  }

  /** Chinese for any {@code zh} locale; English for everything else. */
  static boolean chinese(Locale locale) {
    return "zh".equals(locale.getLanguage());
  }

  /** The locale dates are spelled in (weekday names). */
  static Locale dates(Locale locale) {
    return chinese(locale) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }
}
