package lookout.adapters.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Charts checked as pictures (size, ink in the plot, the limit drawn) and as the data behind. */
class ChartPngTest {
  static final Instant START = Instant.parse("2026-11-15T00:00:00Z");
  static final double GI = 1024.0 * 1024 * 1024;
  static final Plot.Scale BYTES =
      new Plot.Scale(true, v -> Math.round(v / GI * 100) / 100.0 + "Gi");
  static final Plot.Scale DECIMAL = new Plot.Scale(false, String::valueOf);

  static List<LinePlot.Point> leak(int hours) {
    List<LinePlot.Point> points = new ArrayList<>();
    for (int h = 0; h <= hours; h++) {
      points.add(new LinePlot.Point(START.plus(Duration.ofHours(h)), 0.5 * GI + h * 0.008 * GI));
    }
    return points;
  }

  static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  static long pixels(BufferedImage img, Color color, int x0, int y0, int x1, int y1) {
    long n = 0;
    for (int x = x0; x < x1; x++) {
      for (int y = y0; y < y1; y++) {
        if (near(new Color(img.getRGB(x, y)), color)) {
          n++;
        }
      }
    }
    return n;
  }

  static boolean near(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) < 40
        && Math.abs(a.getGreen() - b.getGreen()) < 40
        && Math.abs(a.getBlue() - b.getBlue()) < 40;
  }

  @Test
  void memory_against_its_limit_over_seven_days_is_drawn_in_the_plot_area() throws IOException {
    LinePlot chart =
        new LinePlot(
            "prod/order-service memory (working set) vs limit, 7 days",
            BYTES,
            ZoneId.of("Asia/Shanghai"),
            List.of(new LinePlot.Line("order-service", leak(168), false)),
            Optional.of(new LinePlot.Limit("limit", 2 * GI)),
            Locale.ENGLISH);

    BufferedImage img = decode(ChartPng.render(chart));

    assertThat(img.getWidth()).isEqualTo(ChartPng.WIDTH);
    assertThat(img.getHeight()).isEqualTo(ChartPng.HEIGHT);
    int plotRight = ChartPng.WIDTH - ChartPng.RIGHT;
    int plotBottom = ChartPng.HEIGHT - ChartPng.BOTTOM;
    assertThat(pixels(img, ChartPng.PALETTE[0], ChartPng.LEFT, ChartPng.TOP, plotRight, plotBottom))
        .as("the usage line")
        .isGreaterThan(800);
    assertThat(pixels(img, ChartPng.LIMIT, ChartPng.LEFT, ChartPng.TOP, plotRight, plotBottom))
        .as("the limit line")
        .isGreaterThan(300);
    assertThat(pixels(img, ChartPng.TEXT, 0, 0, ChartPng.WIDTH, ChartPng.TOP))
        .as("a title")
        .isGreaterThan(200);
  }

  @Test
  void the_time_axis_is_labelled_in_the_viewers_zone() {
    List<Axis.Tick> ticks =
        Axis.times(
            START, START.plus(Duration.ofDays(7)), ZoneId.of("Asia/Shanghai"), 8, Locale.ENGLISH);

    assertThat(ticks).hasSizeBetween(6, 8);
    assertThat(ticks.getFirst().label()).isEqualTo("Mon 11-16");
    assertThat(ticks.getFirst().at()).isEqualTo(Instant.parse("2026-11-15T16:00:00Z"));
    List<Axis.Tick> hours =
        Axis.times(START, START.plus(Duration.ofHours(12)), ZoneId.of("UTC"), 8, Locale.ENGLISH);
    assertThat(hours).extracting(Axis.Tick::label).contains("11-15 00:00", "11-15 02:00");
  }

  @Test
  void a_chinese_chart_names_its_days_in_chinese() {
    List<Axis.Tick> ticks =
        Axis.times(
            START,
            START.plus(Duration.ofDays(7)),
            ZoneId.of("Asia/Shanghai"),
            8,
            Locale.SIMPLIFIED_CHINESE);

    assertThat(ticks.getFirst().label()).isEqualTo("11-16 周一");
  }

  @Test
  void value_ticks_are_round_numbers_in_the_charts_unit() {
    Axis.Values bytes = Axis.values(0, 1.9 * GI, 5, BYTES);
    assertThat(bytes.ticks()).contains(0.5 * GI, 1 * GI, 2 * GI);
    Axis.Values cores = Axis.values(0, 3.4, 5, DECIMAL);
    assertThat(cores.ticks()).contains(0.0, 1.0, 2.0, 3.0, 4.0);
  }

  @Test
  void a_forecast_is_dashed_and_an_empty_chart_says_no_data() throws IOException {
    LinePlot filling =
        new LinePlot(
            "staging/ledger-db volume data-ledger-db-0",
            BYTES,
            ZoneId.of("UTC"),
            List.of(
                new LinePlot.Line("used", leak(100), false),
                new LinePlot.Line(
                    "forecast",
                    List.of(
                        new LinePlot.Point(START.plus(Duration.ofHours(100)), 1.3 * GI),
                        new LinePlot.Point(START.plus(Duration.ofHours(168)), 1.85 * GI)),
                    true)),
            Optional.of(new LinePlot.Limit("capacity", 2 * GI)),
            Locale.ENGLISH);
    BufferedImage img = decode(ChartPng.render(filling));
    assertThat(
            pixels(
                img,
                ChartPng.PALETTE[1],
                ChartPng.LEFT,
                ChartPng.TOP,
                ChartPng.WIDTH,
                ChartPng.HEIGHT))
        .as("the dashed forecast")
        .isGreaterThan(100);

    LinePlot empty =
        new LinePlot(
            "nothing", DECIMAL, ZoneId.of("UTC"), List.of(), Optional.empty(), Locale.ENGLISH);
    assertThat(decode(ChartPng.render(empty)).getWidth()).isEqualTo(ChartPng.WIDTH);
  }

  @Test
  void top_consumers_are_bars_with_their_limits_marked() throws IOException {
    BarPlot chart =
        new BarPlot(
            "Top memory in prod",
            BYTES,
            List.of(
                new BarPlot.Bar("order-service", 1.6 * GI, OptionalDouble.of(2 * GI)),
                new BarPlot.Bar("inventory", 0.9 * GI, OptionalDouble.of(1 * GI)),
                new BarPlot.Bar("frontend", 0.2 * GI, OptionalDouble.empty())),
            "limit",
            Locale.ENGLISH);

    BufferedImage img = decode(ChartPng.render(chart));

    assertThat(pixels(img, ChartPng.PALETTE[0], 0, ChartPng.TOP, ChartPng.WIDTH, img.getHeight()))
        .as("bar ink")
        .isGreaterThan(5_000);
    assertThat(img.getHeight()).isLessThan(ChartPng.HEIGHT);
    assertThat(pixels(img, ChartPng.LIMIT, 0, ChartPng.TOP, ChartPng.WIDTH, img.getHeight()))
        .as("two limit marks")
        .isGreaterThan(100);
  }
}
