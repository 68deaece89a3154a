package lookout.agent.capacity;

import java.util.Locale;

/**
 * The words of capacity charts (titles, series, marks) in English and Simplified Chinese: a chart
 * is in the language of the question. The bundled chart font carries every character used here
 * (adapters/src/font/subset-chart-font.sh reads this file; ChartGlyphsTest checks it).
 */
public enum ChartWords {
  TOP_MEMORY("Top memory in %s (per pod, now)", "%s 内存占用最高的工作负载（每个 Pod，当前）"),
  TOP_CPU("Top CPU in %s (per pod, now)", "%s CPU 占用最高的工作负载（每个 Pod，当前）"),
  OVER_PROVISIONED("Memory peak vs request, most over-provisioned in %s", "%s 超配最多的工作负载：内存峰值与请求量"),
  MEMORY_OUTLOOK("%s memory vs limit", "%s 内存用量与上限"),
  VOLUME_OUTLOOK("volume %s", "存储卷 %s 用量与容量"),
  QUOTA_OUTLOOK("quota %s", "配额 %s 用量与上限"),
  USED("used", "已用"),
  TREND("trend", "趋势"),
  LIMIT("limit", "上限"),
  REQUEST("request", "请求量"),
  CAPACITY("capacity", "容量");

  private final String english;
  private final String chinese;

  ChartWords(String english, String chinese) {
    this.english = english;
    this.chinese = chinese;
  }

  /** The template filled with {@code args} ({@code %s} each), in {@code language}. */
  public String in(Locale language, Object... args) {
    return String.format(Locale.ROOT, template(language), args);
  }

  /** The template as written, {@code %s} where a name goes. */
  public String template(Locale language) {
    return "zh".equals(language.getLanguage()) ? chinese : english;
  }
}
