package lookout.agent.capacity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lookout.agent.charts.ValueUnit;
import lookout.agent.metrics.Series;

/**
 * One forecast: a series, its trend and the limit it grows towards.
 *
 * @param name the workload ("shop/cart"), volume claim or quota ("shop/compute/requests.cpu")
 * @param when when the trend reaches the limit; empty when it does not (or cannot be trusted to)
 */
public record Outlook(
    String name,
    Kind kind,
    ValueUnit unit,
    List<Series.Point> history,
    Optional<Trend> trend,
    double limit,
    Optional<Instant> when) {
  public Outlook {
    history = List.copyOf(history);
  }

  /** What grows towards what. */
  public enum Kind {
    MEMORY("", "memory vs limit"),
    VOLUME("volume ", "volume"),
    QUOTA("quota ", "quota");

    private final String prefix;
    private final String what;

    Kind(String prefix, String what) {
      this.prefix = prefix;
      this.what = what;
    }
  }

  /** "shop/cart", "volume shop/data-pg-0", "quota shop/compute/requests.cpu". */
  public String subject() {
    return kind.prefix + name;
  }

  /** "memory vs limit", "volume", "quota". */
  public String what() {
    return kind.what;
  }

  public Trend.Confidence confidence() {
    return trend.map(Trend::confidence).orElse(Trend.Confidence.NONE);
  }

  public static Outlook of(
      String name, Kind kind, ValueUnit unit, List<Series.Point> history, double limit) {
    Optional<Trend> trend = Trend.fit(history);
    return new Outlook(
        name, kind, unit, history, trend, limit, trend.flatMap(t -> t.reaches(limit)));
  }
}
