package lookout.adapters.charts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Horizontal bars, e.g. the top memory consumers of a namespace with their limits marked.
 *
 * @param mark what the red tick on a bar stands for ("limit", "request"), in the chart's language
 * @param locale the language of the chart's own words
 */
public record BarPlot(String title, Plot.Scale scale, List<Bar> bars, String mark, Locale locale)
    implements Plot {
  public BarPlot {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(scale, "scale");
    bars = List.copyOf(bars);
    Objects.requireNonNull(mark, "mark");
    Objects.requireNonNull(locale, "locale");
  }

  /** {@code limit} is drawn as a tick on the bar when known. */
  public record Bar(String label, double value, OptionalDouble limit) {}
}
