package lookout.agent.metrics;

import java.util.Map;

/**
 * What a series did over a window, in five numbers: enough for a model or a person to reason about
 * it, at a fraction of the tokens of the samples.
 *
 * @param trendPerHour least-squares slope, in the series' unit per hour
 */
public record SeriesSummary(
    Map<String, String> labels,
    String labelText,
    double min,
    double avg,
    double max,
    double last,
    double trendPerHour,
    int samples) {

  public static SeriesSummary of(Series s) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int n = 0;
    double t0 = s.points().isEmpty() ? 0 : s.points().get(0).time().toEpochMilli();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (Series.Point p : s.points()) {
      double v = p.value();
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        continue;
      }
      double x = (p.time().toEpochMilli() - t0) / 3_600_000.0;
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      n++;
      sx += x;
      sy += v;
      sxx += x * x;
      sxy += x * v;
    }
    double denominator = n * sxx - sx * sx;
    double slope = n > 1 && denominator != 0 ? (n * sxy - sx * sy) / denominator : 0;
    return new SeriesSummary(
        s.labels(),
        s.labelText(),
        n == 0 ? Double.NaN : min,
        n == 0 ? Double.NaN : sum / n,
        n == 0 ? Double.NaN : max,
        s.last(),
        slope,
        n);
  }

  /** {@code {pod="x"} min=… avg=… max=… last=… trend=+12Mi/h (rising)}. */
  public String line(Unit unit) {
    return line(unit, labelText);
  }

  /** The same with a shorter label, e.g. just the pod name. */
  public String line(Unit unit, String label) {
    String direction =
        Math.abs(trendPerHour) < Math.max(Math.abs(avg) * 0.02, 1e-9)
            ? "flat"
            : trendPerHour > 0 ? "rising" : "falling";
    return label
        + " min="
        + unit.format(min)
        + " avg="
        + unit.format(avg)
        + " max="
        + unit.format(max)
        + " last="
        + unit.format(last)
        + " trend="
        + (trendPerHour >= 0 ? "+" : "")
        + unit.format(trendPerHour)
        + "/h ("
        + direction
        + ")";
  }
}
