package lookout.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.util.Locale;
import lookout.adapters.charts.ChartFont;
import lookout.agent.capacity.ChartWords;
import org.junit.jupiter.api.Test;

/**
 * Every chart title, series name and mark the agent writes has a glyph in the bundled chart font,
 * in both languages. The words the drawing adds itself are checked in the adapters' ChartFontTest;
 * names (namespaces, workloads, volumes) are Kubernetes names, ASCII by their own rules.
 */
class ChartGlyphsTest {
  @Test
  void every_chart_template_has_a_glyph_for_each_character_in_chinese_and_english() {
    Font font = ChartFont.plain(12);
    for (ChartWords words : ChartWords.values()) {
      for (Locale language : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
        String text = words.in(language, "sandbox/prod-eu-1");
        assertThat(font.canDisplayUpTo(text))
            .as(
                "%s in %s: \"%s\" (re-run adapters/src/font/subset-chart-font.sh)",
                words, language, text)
            .isEqualTo(-1);
      }
    }
  }

  @Test
  void chinese_charts_are_written_in_chinese() {
    for (ChartWords words : ChartWords.values()) {
      String chinese = words.template(Locale.SIMPLIFIED_CHINESE);
      assertThat(chinese.codePoints())
          .as("%s: %s", words, chinese)
          .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
  }
}
