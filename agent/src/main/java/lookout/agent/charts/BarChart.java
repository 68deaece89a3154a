package lookout.agent.charts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Horizontal bars, e.g. the top memory consumers of a namespace with their limits marked.
 *
 * @param mark what each bar's tick stands for ("limit", "request"), in {@code locale}
 * @param locale the language of the title, the mark and the words the drawing adds
 */
public record BarChart(String title, ValueUnit unit, List<Bar> bars, String mark, Locale locale)
    implements Chart {
  public BarChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(unit, "unit");
    bars = List.copyOf(bars);
    Objects.requireNonNull(mark, "mark");
    Objects.requireNonNull(locale, "locale");
  }

  /** {@code limit} is drawn as a tick (the {@code mark}) on the bar when known. */
  public record Bar(String label, double value, OptionalDouble limit) {}
}
