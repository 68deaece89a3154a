package lookout.agent.charts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Lines over time, e.g. a workload's memory against its limit for 7 days, or a volume filling up
 * with its forecast dashed.
 *
 * @param zone the viewer's time zone: the time axis is labelled in it
 * @param limit a horizontal line such as the memory limit or the volume's capacity
 * @param locale the language of the title, the line names, the limit's label and the words the
 *     drawing adds
 */
public record TimeChart(
    String title,
    ValueUnit unit,
    ZoneId zone,
    List<Line> lines,
    Optional<Limit> limit,
    Locale locale)
    implements Chart {
  public TimeChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(unit, "unit");
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

  /** True when there is at least one point to draw. */
  public boolean hasData() {
    return lines.stream().anyMatch(l -> !l.points().isEmpty());
  }
}
