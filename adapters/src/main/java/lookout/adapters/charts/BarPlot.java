package lookout.adapters.charts;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/** Horizontal bars, e.g. the top memory consumers of a namespace with their limits marked. */
public record BarPlot(String title, Plot.Scale scale, List<Bar> bars) implements Plot {
  public BarPlot {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(scale, "scale");
    bars = List.copyOf(bars);
  }

  /** {@code limit} is drawn as a tick on the bar when known. */
  public record Bar(String label, double value, OptionalDouble limit) {}
}
