package lookout.agent.capacity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lookout.agent.charts.ValueUnit;
import lookout.agent.metrics.Series;

/**
 * One forecast: a series, its trend and the limit it grows towards.
 *
 * @param what e.g. "memory vs limit", "volume", "quota requests.cpu"
 * @param when when the trend reaches the limit; empty when it does not (or cannot be trusted to)
 */
public record Outlook(
    String subject,
    String what,
    ValueUnit unit,
    List<Series.Point> history,
    Optional<Trend> trend,
    double limit,
    Optional<Instant> when) {
  public Outlook {
    history = List.copyOf(history);
  }

  public Trend.Confidence confidence() {
    return trend.map(Trend::confidence).orElse(Trend.Confidence.NONE);
  }

  public static Outlook of(
      String subject, String what, ValueUnit unit, List<Series.Point> history, double limit) {
    Optional<Trend> trend = Trend.fit(history);
    return new Outlook(
        subject, what, unit, history, trend, limit, trend.flatMap(t -> t.reaches(limit)));
  }
}
