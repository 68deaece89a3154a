package lookout.agent.charts;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/** Horizontal bars, e.g. the top memory consumers of a namespace with their limits marked. */
public record BarChart(String title, ValueUnit unit, List<Bar> bars) implements Chart {
  public BarChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(unit, "unit");
    bars = List.copyOf(bars);
  }

  /** {@code limit} is drawn as a tick on the bar when known. */
  public record Bar(String label, double value, OptionalDouble limit) {}
}
