package lookout.bot.conversation;

import lookout.adapters.charts.BarPlot;
import lookout.adapters.charts.LinePlot;
import lookout.adapters.charts.Plot;
import lookout.agent.charts.BarChart;
import lookout.agent.charts.Chart;
import lookout.agent.charts.TimeChart;
import lookout.agent.charts.ValueUnit;

/**
 * The agent's chart specifications as the adapters' plots: the agent never sees the chat side and
 * the drawing lives with the other renderers, so the bot carries one into the other here.
 */
final class ChartPlots {
  private ChartPlots() {}

  static Plot of(Chart chart) {
    return switch (chart) {
      case TimeChart t ->
          new LinePlot(
              t.title(),
              scale(t.unit()),
              t.zone(),
              t.lines().stream()
                  .map(
                      l ->
                          new LinePlot.Line(
                              l.name(),
                              l.points().stream()
                                  .map(p -> new LinePlot.Point(p.time(), p.value()))
                                  .toList(),
                              l.dashed()))
                  .toList(),
              t.limit().map(l -> new LinePlot.Limit(l.label(), l.value())),
              t.locale());
      case BarChart b ->
          new BarPlot(
              b.title(),
              scale(b.unit()),
              b.bars().stream()
                  .map(bar -> new BarPlot.Bar(bar.label(), bar.value(), bar.limit()))
                  .toList(),
              b.mark(),
              b.locale());
    };
  }

  static Plot.Scale scale(ValueUnit unit) {
    return new Plot.Scale(unit == ValueUnit.BYTES, unit::format);
  }
}
