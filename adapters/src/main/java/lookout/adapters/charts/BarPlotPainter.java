package lookout.adapters.charts;

import java.awt.BasicStroke;
import java.awt.Graphics2D;

/** Paints a {@link BarPlot}: one horizontal bar per entry, value labels, limit marks. */
final class BarPlotPainter {
  static final int MAX_BARS = 12;
  static final int ROW = 36;
  static final int LABELS = 220;

  private final BarPlot chart;
  private final Graphics2D g;

  BarPlotPainter(BarPlot chart, Graphics2D g) {
    this.chart = chart;
    this.g = g;
  }

  /** As tall as the bars need: a top-3 chart is not a mostly empty page. */
  static int height(BarPlot chart) {
    int rows = Math.max(1, Math.min(MAX_BARS, chart.bars().size()));
    return ChartPng.TOP + 10 + rows * ROW + 40;
  }

  void paint() {
    ChartPng.title(g, chart.title(), null);
    var bars = chart.bars().stream().limit(MAX_BARS).toList();
    g.setFont(ChartPng.small());
    if (bars.isEmpty()) {
      g.drawString(
          PlotWords.NO_DATA.in(chart.locale()), ChartPng.WIDTH / 2 - 20, ChartPng.TOP + 30);
      return;
    }
    int left = 30 + LABELS;
    int width = ChartPng.WIDTH - left - ChartPng.RIGHT - 150;
    int top = ChartPng.TOP + 10;
    double max =
        bars.stream().mapToDouble(b -> Math.max(b.value(), b.limit().orElse(0))).max().orElse(1);
    double scale = Axis.values(0, max, 4, chart.scale()).max();
    for (int i = 0; i < bars.size(); i++) {
      BarPlot.Bar bar = bars.get(i);
      int y = top + i * ROW;
      int end = left + (int) (bar.value() / scale * width);
      g.setColor(ChartPng.TEXT);
      String label = clip(bar.label(), LABELS - 10);
      g.drawString(label, left - 10 - g.getFontMetrics().stringWidth(label), y + ROW / 2 + 4);
      g.setColor(ChartPng.PALETTE[0]);
      g.fillRect(left, y + 6, Math.max(1, end - left), ROW - 12);
      int after = end;
      if (bar.limit().isPresent()) {
        int lx = left + (int) (bar.limit().getAsDouble() / scale * width);
        g.setColor(ChartPng.LIMIT);
        g.setStroke(new BasicStroke(3));
        g.drawLine(lx, y + 2, lx, y + ROW - 2);
        after = Math.max(end, lx);
      }
      g.setColor(ChartPng.TEXT);
      String value = chart.scale().label(bar.value());
      if (bar.limit().isPresent()) {
        value =
            PlotWords.VALUE_OF_MARK.in(
                chart.locale(), value, chart.scale().label(bar.limit().getAsDouble()));
      }
      g.drawString(value, after + 8, y + ROW / 2 + 4);
    }
    g.setColor(ChartPng.TEXT);
    if (bars.stream().anyMatch(b -> b.limit().isPresent())) {
      g.drawString(
          PlotWords.MARK.in(chart.locale(), chart.mark()), left, top + bars.size() * ROW + 24);
    }
  }

  private String clip(String text, int max) {
    String t = text;
    while (t.length() > 4 && g.getFontMetrics().stringWidth(t) > max) {
      t = t.substring(0, t.length() - 2);
    }
    return t.equals(text) ? t : t + "…";
  }
}
