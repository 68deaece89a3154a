package lookout.adapters.charts;

/**
 * A picture to draw, as data: lines over time ({@link LinePlot}) or horizontal bars ({@link
 * BarPlot}). The bot builds these from the agent's chart specifications; each platform attaches the
 * PNG its own way.
 */
public sealed interface Plot permits LinePlot, BarPlot {
  String title();

  /** The language of the words the chart adds (legend, axis notes); Chinese or English. */
  java.util.Locale locale();

  /** How values are labelled: {@code binary} steps ticks in powers of 1024 (bytes). */
  record Scale(boolean binary, java.util.function.DoubleFunction<String> format) {
    public Scale {
      java.util.Objects.requireNonNull(format, "format");
    }

    String label(double v) {
      return format.apply(v);
    }
  }
}
