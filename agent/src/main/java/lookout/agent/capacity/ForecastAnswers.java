package lookout.agent.capacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.agent.charts.Chart;
import lookout.agent.charts.TimeChart;

/**
 * "forecast prod": what runs out within {@link #HORIZON} (memory, volumes, quotas), the cluster's
 * requests next week in nodes' worth, and what had too little history to say — with up to two
 * charts of history, trend and limit. Dates are in {@code zone}.
 */
final class ForecastAnswers {
  static final Duration HORIZON = Duration.ofDays(30);

  private final Forecasts forecasts;
  private final ZoneId zone;
  private final Clock clock;

  ForecastAnswers(Forecasts forecasts, ZoneId zone, Clock clock) {
    this.forecasts = forecasts;
    this.zone = zone;
    this.clock = clock;
  }

  Answer answer(String scope, String namespace, List<Usage> usage, Locale language) {
    List<Outlook> outlooks = new ArrayList<>(forecasts.memory(usage));
    outlooks.addAll(forecasts.volumes(namespace));
    outlooks.addAll(forecasts.quotas(namespace));
    Instant horizon = clock.instant().plus(HORIZON);
    List<Outlook> soon =
        outlooks.stream()
            .filter(o -> o.when().filter(w -> w.isBefore(horizon)).isPresent())
            .sorted(Comparator.comparing(o -> o.when().get()))
            .toList();
    List<Outlook> tooLittle =
        outlooks.stream().filter(o -> o.confidence() == Trend.Confidence.NONE).toList();
    List<Answer.Section> sections = new ArrayList<>();
    sections.add(
        CapacityAnswers.section("Runs out within 30 days", soon.stream().map(this::line).toList()));
    if (namespace == null) {
      sections.add(
          CapacityAnswers.section(
              "Cluster capacity next week",
              forecasts.nodes().stream().map(ForecastAnswers::line).toList()));
    }
    sections.add(
        CapacityAnswers.section(
            "Not forecast (less than a day of data)",
            tooLittle.stream().map(o -> o.subject() + " " + o.what()).toList()));
    List<Chart> charts = soon.stream().limit(2).<Chart>map(o -> chart(o, language)).toList();
    String summary =
        "Forecast for "
            + scope
            + ": "
            + (soon.isEmpty()
                ? "nothing runs out within 30 days at the current trend"
                : soon.size()
                    + " thing"
                    + (soon.size() == 1 ? "" : "s")
                    + " run out within 30 days, first "
                    + soon.getFirst().subject()
                    + " "
                    + date(soon.getFirst().when().get()))
            + " ("
            + outlooks.size()
            + " series checked).";
    return CapacityAnswers.answer(summary, sections, charts);
  }

  private String line(Outlook o) {
    Trend t = o.trend().get();
    return o.subject()
        + " "
        + o.what()
        + ": "
        + o.unit().format(t.lastValue())
        + " of "
        + o.unit().format(o.limit())
        + ", +"
        + o.unit().format(t.perDay())
        + "/day → reaches it "
        + date(o.when().get())
        + " (confidence "
        + t.confidence().name().toLowerCase(Locale.ROOT)
        + ", R² "
        + String.format(Locale.ROOT, "%.2f", t.r2())
        + " over "
        + t.span().toHours()
        + "h)";
  }

  private static String line(Forecasts.NodeNeed n) {
    return n.resource()
        + " requests "
        + n.unit().format(n.trend().lastValue())
        + " → "
        + n.unit().format(n.nextWeek())
        + " next week (confidence "
        + n.trend().confidence().name().toLowerCase(Locale.ROOT)
        + "): "
        + n.needed()
        + " nodes' worth at "
        + n.unit().format(n.perNode())
        + " allocatable each; the cluster has "
        + n.nodes();
  }

  private TimeChart chart(Outlook o, Locale language) {
    Trend t = o.trend().get();
    Instant end =
        o.when().get().isAfter(t.last()) ? o.when().get() : t.last().plus(Duration.ofDays(1));
    ChartWords title =
        switch (o.kind()) {
          case MEMORY -> ChartWords.MEMORY_OUTLOOK;
          case VOLUME -> ChartWords.VOLUME_OUTLOOK;
          case QUOTA -> ChartWords.QUOTA_OUTLOOK;
        };
    ChartWords limit = o.kind() == Outlook.Kind.VOLUME ? ChartWords.CAPACITY : ChartWords.LIMIT;
    return new TimeChart(
        title.in(language, o.name()),
        o.unit(),
        zone,
        List.of(
            new TimeChart.Line(
                ChartWords.USED.in(language),
                o.history().stream().map(p -> new TimeChart.Point(p.time(), p.value())).toList(),
                false),
            new TimeChart.Line(
                ChartWords.TREND.in(language),
                List.of(
                    new TimeChart.Point(t.last(), t.valueAt(t.last())),
                    new TimeChart.Point(end, t.valueAt(end))),
                true)),
        Optional.of(new TimeChart.Limit(limit.in(language), o.limit())),
        language);
  }

  private String date(Instant t) {
    return DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z", Locale.ROOT)
        .format(t.atZone(zone));
  }
}
