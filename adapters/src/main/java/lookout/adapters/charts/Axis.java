package lookout.adapters.charts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tick positions and labels: "nice" values (1, 2, 5 × 10ⁿ) and whole hours or days. */
final class Axis {
  private Axis() {}

  /** A value axis from 0 (or below, for negative data) to at least {@code max}. */
  record Values(double min, double max, List<Double> ticks) {}

  /** Labelled time ticks. */
  record Tick(Instant at, String label) {}

  static Values values(double dataMin, double dataMax, int wanted, Plot.Scale scale) {
    double min = Math.min(0, dataMin);
    double max = dataMax <= min ? min + 1 : dataMax;
    double step = nice((max - min) / Math.max(1, wanted), scale);
    double top = Math.ceil(max / step) * step;
    double bottom = Math.floor(min / step) * step;
    List<Double> ticks = new ArrayList<>();
    for (double v = bottom; v <= top + step / 2; v += step) {
      ticks.add(v);
    }
    return new Values(bottom, top, ticks);
  }

  /** 1, 2 or 5 × 10ⁿ; for bytes, powers of two ×1, ×2, ×5 look odd, so 1024-based steps. */
  static double nice(double raw, Plot.Scale scale) {
    if (raw <= 0) {
      return 1;
    }
    if (scale.binary() && raw >= 1024) {
      double base = Math.pow(1024, Math.floor(Math.log(raw) / Math.log(1024)));
      for (double m : new double[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024}) {
        if (base * m >= raw) {
          return base * m;
        }
      }
    }
    double exp = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (exp * m >= raw) {
        return exp * m;
      }
    }
    return exp * 10;
  }

  /**
   * Ticks on whole hours, or on days ({@link PlotWords#DAY_TICK}: weekday names in {@code locale}).
   */
  static List<Tick> times(Instant from, Instant to, ZoneId zone, int wanted, Locale locale) {
    Duration span = Duration.between(from, to);
    long[] hours = {1, 2, 3, 6, 12, 24, 48, 168};
    long step = hours[hours.length - 1];
    for (long h : hours) {
      if (span.toHours() / h <= wanted) {
        step = h;
        break;
      }
    }
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern(step >= 24 ? "MM-dd" : "MM-dd HH:mm", Locale.ROOT);
    ZonedDateTime t = from.atZone(zone).truncatedTo(ChronoUnit.HOURS);
    if (step >= 24) {
      t = t.truncatedTo(ChronoUnit.DAYS);
    }
    List<Tick> ticks = new ArrayList<>();
    while (!t.toInstant().isAfter(to)) {
      if (!t.toInstant().isBefore(from) && (step >= 24 || t.getHour() % step == 0)) {
        String label =
            step >= 24
                ? PlotWords.DAY_TICK.in(
                    locale, format.format(t), PlotWords.weekday(t.getDayOfWeek(), locale))
                : format.format(t);
        ticks.add(new Tick(t.toInstant(), label));
      }
      t = step >= 24 ? t.plusDays(step / 24) : t.plusHours(1);
    }
    return ticks;
  }
}
