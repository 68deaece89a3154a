package lookout.agent.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lookout.agent.metrics.Series;
import org.junit.jupiter.api.Test;

class TrendTest {
  static final Instant T0 = Instant.parse("2026-11-15T00:00:00Z");

  static List<Series.Point> hourly(int hours, java.util.function.IntToDoubleFunction value) {
    List<Series.Point> out = new ArrayList<>();
    for (int h = 0; h <= hours; h++) {
      out.add(new Series.Point(T0.plus(Duration.ofHours(h)), value.applyAsDouble(h)));
    }
    return out;
  }

  @Test
  void a_steady_leak_over_a_week_is_forecast_with_high_confidence() {
    // 100 MiB/day from 500 MiB, noise ±5 MiB; the limit 1,200 MiB is reached 7 days after T0.
    double mib = 1 << 20;
    Trend t =
        Trend.fit(hourly(168, h -> 500 * mib + h * (100 * mib / 24) + 5 * mib * Math.sin(h))).get();

    assertThat(t.confidence()).isEqualTo(Trend.Confidence.HIGH);
    assertThat(t.perDay() / mib).isCloseTo(100, org.assertj.core.data.Offset.offset(1.0));
    Instant when = t.reaches(1200 * mib).get();
    assertThat(Duration.between(T0.plus(Duration.ofDays(7)), when).abs())
        .isLessThan(Duration.ofHours(3));
  }

  @Test
  void too_little_history_never_forecasts() {
    Trend t = Trend.fit(hourly(12, h -> 100 + h * 10)).get();
    assertThat(t.confidence()).isEqualTo(Trend.Confidence.NONE);
    assertThat(t.reaches(1_000)).isEmpty();
  }

  @Test
  void noise_without_a_trend_does_not_forecast() {
    Trend t = Trend.fit(hourly(168, h -> 100 + ((h * 7919) % 23) - 11 + h * 0.001)).get();
    assertThat(t.confidence()).isIn(Trend.Confidence.LOW, Trend.Confidence.NONE);
    assertThat(t.reaches(200)).isEmpty();
  }

  @Test
  void a_flat_or_falling_series_never_reaches_a_higher_threshold() {
    assertThat(Trend.fit(hourly(72, h -> 50)).get().reaches(60)).isEmpty();
    assertThat(Trend.fit(hourly(72, h -> 500 - h)).get().reaches(600)).isEmpty();
  }

  @Test
  void missing_samples_are_skipped_and_one_point_is_no_trend() {
    assertThat(Trend.fit(List.of(new Series.Point(T0, 1)))).isEmpty();
    List<Series.Point> gaps = new ArrayList<>(hourly(48, h -> h));
    gaps.add(new Series.Point(T0.plus(Duration.ofHours(49)), Double.NaN));
    assertThat(Trend.fit(gaps).get().points()).isEqualTo(49);
  }
}
