package lookout.adapters.charts;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Paints a {@link LinePlot}: grid, value and time axes, lines, limit, legend. */
final class LinePlotPainter {
  private final LinePlot chart;
  private final Graphics2D g;
  private final int plotW = ChartPng.WIDTH - ChartPng.LEFT - ChartPng.RIGHT;
  private final int plotH = ChartPng.HEIGHT - ChartPng.TOP - ChartPng.BOTTOM;

  LinePlotPainter(LinePlot chart, Graphics2D g) {
    this.chart = chart;
    this.g = g;
  }

  void paint() {
    ChartPng.title(g, chart.title(), PlotWords.TIMES_IN.in(chart.locale(), chart.zone().getId()));
    List<LinePlot.Point> all = chart.lines().stream().flatMap(l -> l.points().stream()).toList();
    if (all.isEmpty()) {
      g.setFont(ChartPng.small());
      g.drawString(
          PlotWords.NO_DATA.in(chart.locale()),
          ChartPng.LEFT + plotW / 2 - 20,
          ChartPng.TOP + plotH / 2);
      return;
    }
    Instant from = all.stream().map(LinePlot.Point::time).min(Comparator.naturalOrder()).get();
    Instant to = all.stream().map(LinePlot.Point::time).max(Comparator.naturalOrder()).get();
    double max = all.stream().mapToDouble(LinePlot.Point::value).max().orElse(1);
    double min = all.stream().mapToDouble(LinePlot.Point::value).min().orElse(0);
    if (chart.limit().isPresent()) {
      max = Math.max(max, chart.limit().get().value() * 1.05);
    }
    Axis.Values values = Axis.values(min, max, 5, chart.scale());
    grid(values, from, to);
    for (int i = 0; i < chart.lines().size(); i++) {
      LinePlot.Line line = chart.lines().get(i);
      List<double[]> xy = new ArrayList<>();
      for (LinePlot.Point p : line.points()) {
        xy.add(
            new double[] {
              ChartPng.x(p.time(), from, to, ChartPng.LEFT, plotW),
              ChartPng.y(p.value(), values, ChartPng.TOP, plotH)
            });
      }
      g.setColor(ChartPng.PALETTE[i % ChartPng.PALETTE.length]);
      g.setStroke(line.dashed() ? ChartPng.dashed(2.5f) : new BasicStroke(2.5f));
      g.draw(ChartPng.path(xy));
    }
    chart.limit().ifPresent(limit -> limit(limit, values));
    legend();
  }

  private void grid(Axis.Values values, Instant from, Instant to) {
    g.setFont(ChartPng.small());
    g.setStroke(new BasicStroke(1));
    for (double v : values.ticks()) {
      int y = (int) ChartPng.y(v, values, ChartPng.TOP, plotH);
      g.setColor(ChartPng.GRID);
      g.drawLine(ChartPng.LEFT, y, ChartPng.LEFT + plotW, y);
      g.setColor(ChartPng.TEXT);
      String label = chart.scale().label(v);
      g.drawString(label, ChartPng.LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    for (Axis.Tick t : Axis.times(from, to, chart.zone(), 8, chart.locale())) {
      int x = (int) ChartPng.x(t.at(), from, to, ChartPng.LEFT, plotW);
      g.setColor(ChartPng.GRID);
      g.drawLine(x, ChartPng.TOP, x, ChartPng.TOP + plotH);
      g.setColor(ChartPng.TEXT);
      int w = g.getFontMetrics().stringWidth(t.label());
      g.drawString(t.label(), x - w / 2, ChartPng.TOP + plotH + 18);
    }
  }

  private void limit(LinePlot.Limit limit, Axis.Values values) {
    int y = (int) ChartPng.y(limit.value(), values, ChartPng.TOP, plotH);
    g.setColor(ChartPng.LIMIT);
    g.setStroke(ChartPng.dashed(2f));
    g.drawLine(ChartPng.LEFT, y, ChartPng.LEFT + plotW, y);
    g.setFont(ChartPng.small());
    String label = limit.label() + " " + chart.scale().label(limit.value());
    g.drawString(label, ChartPng.LEFT + plotW - g.getFontMetrics().stringWidth(label) - 4, y - 6);
  }

  private void legend() {
    g.setFont(ChartPng.small());
    int x = ChartPng.LEFT;
    int y = ChartPng.HEIGHT - 24;
    for (int i = 0; i < chart.lines().size(); i++) {
      LinePlot.Line line = chart.lines().get(i);
      g.setColor(ChartPng.PALETTE[i % ChartPng.PALETTE.length]);
      g.setStroke(line.dashed() ? ChartPng.dashed(2.5f) : new BasicStroke(2.5f));
      g.drawLine(x, y - 4, x + 24, y - 4);
      g.setColor(ChartPng.TEXT);
      g.drawString(line.name(), x + 30, y);
      x += 50 + g.getFontMetrics().stringWidth(line.name());
    }
  }
}
