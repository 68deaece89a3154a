package lookout.adapters.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled chart font: what it can show, and that it draws where the system has no font. */
class ChartFontTest {
  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  @Test
  void every_word_a_chart_adds_has_a_glyph_in_english_and_in_chinese() {
    Font font = ChartFont.plain(12);
    for (Locale language : LANGUAGES) {
      for (PlotWords word : PlotWords.values()) {
        String text =
            word == PlotWords.DAY_TICK ? weekdays(language) : word.in(language, "prod", "1.5Gi");
        assertThat(text).doesNotContain("%");
        assertThat(font.canDisplayUpTo(text))
            .as("%s in %s: %s", word, language, text)
            .isEqualTo(-1);
      }
    }
  }

  @Test
  void the_font_carries_ascii_and_the_symbols_around_names_and_numbers() {
    Font font = ChartFont.plain(12);
    StringBuilder ascii = new StringBuilder();
    for (char c = 0x20; c < 0x7F; c++) {
      ascii.append(c);
    }

    assertThat(font.canDisplayUpTo(ascii.toString())).isEqualTo(-1);
    assertThat(font.canDisplayUpTo("° µ · × – — ‘’ “” … → − ≤ ≥ 、。（），：")).isEqualTo(-1);
  }

  @Test
  void a_jvm_with_no_fonts_and_no_fontconfig_draws_charts_with_the_bundled_font(@TempDir Path dir)
      throws Exception {
    Path noFonts = dir.resolve("fonts.conf");
    Files.writeString(noFonts, "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n");
    Path png = dir.resolve("chart.png");

    Child system = child(dir, noFonts, "system-font", png);
    assumeTrue(
        system.status() != 0 && system.output().contains("Fontconfig head is null"),
        "this JDK finds a font without fontconfig, so the test would prove nothing: "
            + system.output());

    Child chart = child(dir, noFonts, "chart", png);
    assertThat(chart.status()).as(chart.output()).isZero();
    assertThat(chart.output()).contains("drawn; sun.awt.fontconfig=" + dir.toRealPath());
    var image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
    assertThat(image.getWidth()).isEqualTo(ChartPng.WIDTH);
    assertThat(ChartPngTest.pixels(image, ChartPng.TEXT, 0, 0, ChartPng.WIDTH, ChartPng.TOP))
        .as("the title's ink")
        .isGreaterThan(300);
  }

  record Child(int status, String output) {}

  /**
   * A JVM whose fontconfig knows no font (an empty configuration file) and whose home has no font
   * cache of the JDK's, like a slim container image; its temporary folder is {@code dir}.
   */
  static Child child(Path dir, Path fontsConf, String mode, Path png) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "-Djava.awt.headless=true",
            "-Duser.home=" + dir,
            "-Djava.io.tmpdir=" + dir,
            DrawInChildJvm.class.getName(),
            mode,
            png.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("FONTCONFIG_FILE", fontsConf.toString());
    pb.environment().remove("FONTCONFIG_PATH");
    Process p = pb.start();
    String output =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Child(p.exitValue(), output);
  }

  /** Every weekday as the time axis writes it in {@code language}. */
  static String weekdays(Locale language) {
    StringBuilder out = new StringBuilder();
    for (DayOfWeek day : DayOfWeek.values()) {
      out.append(PlotWords.DAY_TICK.in(language, "11-16", PlotWords.weekday(day, language)));
    }
    return out.toString();
  }
}
