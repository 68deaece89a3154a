package lookout.agent.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lookout.agent.metrics.Series;

/**
 * A least-squares line through a series, with how well it fits (R²) and how much history it rests
 * on. A forecast is only as good as both: {@link #confidence()} is NONE for less than a day of
 * data, so nothing is ever predicted from an hour of noise.
 *
 * @param slope change per second
 * @param r2 coefficient of determination, 0..1 (1 for a flat or perfect line)
 */
public record Trend(
    double slope,
    double intercept,
    double r2,
    int points,
    Duration span,
    Instant last,
    double lastValue) {

  /** Less history than this and no forecast is made. */
  public static final Duration MIN_SPAN = Duration.ofHours(24);

  public static final int MIN_POINTS = 12;

  public enum Confidence {
    NONE,
    LOW,
    MEDIUM,
    HIGH
  }

  /** The fitted line, or empty for fewer than two usable (finite) points. */
  public static Optional<Trend> fit(List<Series.Point> points) {
    List<Series.Point> ok = points.stream().filter(p -> Double.isFinite(p.value())).toList();
    if (ok.size() < 2) {
      return Optional.empty();
    }
    long t0 = ok.getFirst().time().getEpochSecond();
    double n = ok.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (Series.Point p : ok) {
      double x = p.time().getEpochSecond() - t0;
      sx += x;
      sy += p.value();
      sxx += x * x;
      sxy += x * p.value();
    }
    double denominator = n * sxx - sx * sx;
    if (denominator == 0) {
      return Optional.empty();
    }
    double slope = (n * sxy - sx * sy) / denominator;
    double intercept0 = (sy - slope * sx) / n;
    double mean = sy / n;
    double ssTot = 0;
    double ssRes = 0;
    for (Series.Point p : ok) {
      double x = p.time().getEpochSecond() - t0;
      ssTot += Math.pow(p.value() - mean, 2);
      ssRes += Math.pow(p.value() - (intercept0 + slope * x), 2);
    }
    double r2 = ssTot == 0 ? 1 : Math.max(0, 1 - ssRes / ssTot);
    Series.Point last = ok.getLast();
    // Intercept at the epoch, so valueAt works with absolute times.
    double intercept = intercept0 - slope * t0;
    return Optional.of(
        new Trend(
            slope,
            intercept,
            r2,
            ok.size(),
            Duration.between(ok.getFirst().time(), last.time()),
            last.time(),
            last.value()));
  }

  public double valueAt(Instant t) {
    return intercept + slope * t.getEpochSecond();
  }

  /** Growth per day, in the series' unit. */
  public double perDay() {
    return slope * 86_400;
  }

  public Confidence confidence() {
    if (span.compareTo(MIN_SPAN) < 0 || points < MIN_POINTS) {
      return Confidence.NONE;
    }
    if (r2 >= 0.8 && span.toDays() >= 3) {
      return Confidence.HIGH;
    }
    return r2 >= 0.5 ? Confidence.MEDIUM : Confidence.LOW;
  }

  /**
   * When the line reaches {@code threshold} going up, or empty when it does not rise, is already
   * past it, or the trend is not trustworthy enough ({@link Confidence#NONE} or LOW).
   */
  public Optional<Instant> reaches(double threshold) {
    Confidence c = confidence();
    if (c == Confidence.NONE || c == Confidence.LOW || slope <= 0 || !Double.isFinite(threshold)) {
      return Optional.empty();
    }
    double seconds = (threshold - intercept) / slope;
    if (seconds <= last.getEpochSecond()) {
      return Optional.of(last); // the line is already there
    }
    return seconds > 4.0e9 ? Optional.empty() : Optional.of(Instant.ofEpochSecond((long) seconds));
  }
}
