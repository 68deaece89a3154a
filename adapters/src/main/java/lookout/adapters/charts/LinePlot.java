package lookout.adapters.charts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Lines over time, e.g. memory against its limit for 7 days, a forecast dashed.
 *
 * @param zone the time axis is labelled in it
 * @param limit a horizontal line such as the memory limit or the volume's capacity
 * @param locale the language of the chart's own words (the time zone note, weekday names)
 */
public record LinePlot(
    String title,
    Plot.Scale scale,
    ZoneId zone,
    List<Line> lines,
    Optional<Limit> limit,
    Locale locale)
    implements Plot {
  public LinePlot {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(zone, "zone");
    lines = List.copyOf(lines);
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(locale, "locale");
  }

  /** One series; {@code dashed} for forecasts. */
  public record Line(String name, List<Point> points, boolean dashed) {
    public Line {
      Objects.requireNonNull(name, "name");
      points = List.copyOf(points);
    }
  }

  public record Point(Instant time, double value) {}

  public record Limit(String label, double value) {}
}
