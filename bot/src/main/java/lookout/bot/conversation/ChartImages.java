package lookout.bot.conversation;

import java.awt.AWTError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import lookout.adapters.charts.ChartPng;
import lookout.adapters.charts.Plot;
import lookout.adapters.chat.Part;
import lookout.agent.charts.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An answer's charts as PNG image parts. When drawing fails (a runtime without AWT, no writable
 * temporary folder for the font), the answer gets one note in the charts' language instead and the
 * log one line with the cause: the sections already say everything the charts show.
 */
final class ChartImages {
  private static final Logger log = LoggerFactory.getLogger(ChartImages.class);

  static final String NOT_DRAWN = "Charts could not be drawn here; the text above says the same.";
  static final String NOT_DRAWN_ZH = "此处无法绘制图表；上文已包含同样的信息。";

  private final Function<Plot, byte[]> draw;

  ChartImages() {
    this(ChartPng::render);
  }

  /** {@code draw} turns a plot into PNG bytes, throwing when it cannot. */
  ChartImages(Function<Plot, byte[]> draw) {
    this.draw = draw;
  }

  List<Part> of(List<Chart> charts) {
    List<Part> parts = new ArrayList<>();
    Throwable failure = null;
    int failed = 0;
    for (Chart chart : charts) {
      try {
        parts.add(new Part.Image(chart.title(), draw.apply(ChartPlots.of(chart))));
      } catch (RuntimeException | AWTError | LinkageError e) {
        failure = e;
        failed++;
      }
    }
    if (failure != null) {
      log.warn("{} of {} charts not drawn: {}", failed, charts.size(), cause(failure));
      boolean chinese = "zh".equals(charts.getFirst().locale().getLanguage());
      parts.add(new Part.Note(chinese ? NOT_DRAWN_ZH : NOT_DRAWN));
    }
    return parts;
  }

  /**
   * The failure and its root cause on one line, when the message does not name the root already.
   */
  static String cause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String line = failure.toString();
    return root == failure || line.contains(root.toString())
        ? line
        : line + " (cause: " + root + ")";
  }
}
