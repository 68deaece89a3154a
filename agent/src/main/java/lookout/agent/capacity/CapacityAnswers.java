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
import java.util.OptionalDouble;
import lookout.agent.Answer;
import lookout.agent.charts.BarChart;
import lookout.agent.charts.Chart;
import lookout.agent.charts.TimeChart;
import lookout.agent.charts.ValueUnit;
import lookout.agent.inspect.CheckupAgent;
import lookout.agent.inspect.CheckupRequest;
import lookout.agent.metrics.Series;

/**
 * "resources prod", "top memory staging", "forecast prod" answered from {@link UsageReader} and
 * {@link Forecasts}: text first, charts where a picture says more.
 */
public final class CapacityAnswers implements CheckupAgent.Capacity {
  static final int TOP = 8;
  static final Duration HORIZON = Duration.ofDays(30);

  private final String cluster;
  private final UsageReader usage;
  private final Forecasts forecasts;
  private final ZoneId zone;
  private final Clock clock;

  public CapacityAnswers(
      String cluster, UsageReader usage, Forecasts forecasts, ZoneId zone, Clock clock) {
    this.cluster = cluster;
    this.usage = usage;
    this.forecasts = forecasts;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Answer answer(CheckupRequest.Kind kind, String namespace) {
    String scope = namespace == null ? cluster : cluster + "/" + namespace;
    return switch (kind) {
      case RESOURCES -> resources(scope, usage.usage(namespace));
      case TOP_CPU -> top(scope, usage.usage(namespace), false);
      case TOP_MEMORY -> top(scope, usage.usage(namespace), true);
      case FORECAST -> forecast(scope, namespace);
      case INSPECT -> throw new IllegalArgumentException("check-ups are not capacity answers");
    };
  }

  Answer resources(String scope, List<Usage> all) {
    List<Sizing> sizings = all.stream().map(Sizing::of).toList();
    List<Sizing> over = of(sizings, Sizing.Verdict.OVER);
    List<Sizing> under = of(sizings, Sizing.Verdict.UNDER);
    List<Sizing> none = of(sizings, Sizing.Verdict.NO_DATA);
    double freeCpu = over.stream().mapToDouble(Sizing::freeCpu).sum();
    double freeMem = over.stream().mapToDouble(Sizing::freeMemory).sum();
    String summary =
        "Right-sizing "
            + scope
            + " (7-day p95 CPU, peak memory): "
            + over.size()
            + " over-provisioned"
            + (over.isEmpty() ? "" : " (would free " + cores(freeCpu) + ", " + bytes(freeMem) + ")")
            + ", "
            + under.size()
            + " under-provisioned, "
            + (sizings.size() - over.size() - under.size() - none.size())
            + " fine.";
    List<Answer.Section> sections = new ArrayList<>();
    sections.add(
        section(
            "Over-provisioned",
            over.stream()
                .sorted(Comparator.comparingDouble(Sizing::freeCpu).reversed())
                .map(CapacityAnswers::line)
                .toList()));
    sections.add(section("Under-provisioned", under.stream().map(CapacityAnswers::line).toList()));
    sections.add(section("By namespace", Groups.lines(sizings, s -> s.usage().namespace())));
    sections.add(section("By team", Groups.lines(sizings, s -> s.usage().team())));
    sections.add(section("By stack", Groups.lines(sizings, s -> s.usage().stack().label())));
    sections.add(
        section(
            "No verdict",
            none.stream()
                .map(s -> s.usage().ref() + ": " + String.join("; ", s.reasons()))
                .toList()));
    List<Chart> charts = new ArrayList<>();
    List<Sizing> wasteful =
        over.stream()
            .sorted(Comparator.comparingDouble(Sizing::freeMemory).reversed())
            .limit(TOP)
            .toList();
    if (!wasteful.isEmpty()) {
      charts.add(
          new BarChart(
              "Memory peak vs request, most over-provisioned in " + scope,
              ValueUnit.BYTES,
              wasteful.stream()
                  .map(
                      s ->
                          new BarChart.Bar(
                              s.usage().ref(),
                              s.usage().memoryMax().orElse(0.0),
                              OptionalDouble.of(s.usage().memoryRequest())))
                  .toList()));
    }
    return answer(summary, sections, charts);
  }

  Answer top(String scope, List<Usage> all, boolean memory) {
    ValueUnit unit = memory ? ValueUnit.BYTES : ValueUnit.CORES;
    List<Usage> ranked =
        all.stream()
            .filter(u -> !(memory ? u.memory() : u.cpu()).isEmpty())
            .sorted(Comparator.comparingDouble((Usage u) -> latest(u, memory)).reversed())
            .limit(TOP)
            .toList();
    String what = memory ? "memory" : "CPU";
    if (ranked.isEmpty()) {
      return answer("No " + what + " usage data for " + scope + ".", List.of(), List.of());
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Usage u = ranked.get(i);
      double limit = memory ? u.memoryLimit() : u.cpuLimit();
      double now = latest(u, memory);
      lines.add(
          (i + 1)
              + ". "
              + u.ref()
              + " "
              + unit.format(now)
              + " per pod"
              + (Double.isFinite(limit)
                  ? String.format(
                      Locale.ROOT, " (%.0f%% of limit %s)", 100 * now / limit, unit.format(limit))
                  : " (no limit)")
              + ", "
              + u.replicas()
              + " replica"
              + (u.replicas() == 1 ? "" : "s"));
    }
    BarChart chart =
        new BarChart(
            "Top " + what + " in " + scope + " (per pod, now)",
            unit,
            ranked.stream()
                .map(
                    u -> {
                      double limit = memory ? u.memoryLimit() : u.cpuLimit();
                      return new BarChart.Bar(
                          u.ref(),
                          latest(u, memory),
                          Double.isFinite(limit)
                              ? OptionalDouble.of(limit)
                              : OptionalDouble.empty());
                    })
                .toList());
    return answer(
        "Top " + what + " in " + scope + ": " + ranked.getFirst().ref() + " uses the most.",
        List.of(section("Workloads", lines)),
        List.of(chart));
  }

  Answer forecast(String scope, String namespace) {
    List<Outlook> outlooks = new ArrayList<>(forecasts.memory(usage.usage(namespace)));
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
    sections.add(section("Runs out within 30 days", soon.stream().map(this::line).toList()));
    if (namespace == null) {
      sections.add(
          section(
              "Cluster capacity next week",
              forecasts.nodes().stream().map(CapacityAnswers::line).toList()));
    }
    sections.add(
        section(
            "Not forecast (less than a day of data)",
            tooLittle.stream().map(o -> o.subject() + " " + o.what()).toList()));
    List<Chart> charts = soon.stream().limit(2).<Chart>map(this::chart).toList();
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
    return answer(summary, sections, charts);
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

  private TimeChart chart(Outlook o) {
    Trend t = o.trend().get();
    Instant end =
        o.when().get().isAfter(t.last()) ? o.when().get() : t.last().plus(Duration.ofDays(1));
    return new TimeChart(
        o.subject() + " " + o.what(),
        o.unit(),
        zone,
        List.of(
            new TimeChart.Line(
                "used",
                o.history().stream().map(p -> new TimeChart.Point(p.time(), p.value())).toList(),
                false),
            new TimeChart.Line(
                "trend",
                List.of(
                    new TimeChart.Point(t.last(), t.valueAt(t.last())),
                    new TimeChart.Point(end, t.valueAt(end))),
                true)),
        Optional.of(
            new TimeChart.Limit(o.what().startsWith("volume") ? "capacity" : "limit", o.limit())));
  }

  private static String line(Sizing s) {
    Usage u = s.usage();
    return u.ref()
        + " ("
        + u.stack().label()
        + ", "
        + u.team()
        + ", "
        + u.replicas()
        + "×): CPU "
        + cores(u.cpuRequest())
        + " → "
        + cores(s.suggestedCpuRequest())
        + " (p95 "
        + cores(u.cpuP95().orElse(Double.NaN))
        + "), memory "
        + bytes(u.memoryRequest())
        + " → "
        + bytes(s.suggestedMemoryRequest())
        + ", limit "
        + bytes(u.memoryLimit())
        + " → "
        + bytes(s.suggestedMemoryLimit())
        + " (peak "
        + bytes(u.memoryMax().orElse(Double.NaN))
        + "); "
        + (s.verdict() == Sizing.Verdict.OVER
            ? "frees " + cores(s.freeCpu()) + ", " + bytes(s.freeMemory())
            : String.join("; ", s.reasons()));
  }

  private static double latest(Usage u, boolean memory) {
    List<Series.Point> p = memory ? u.memory() : u.cpu();
    return p.isEmpty() ? 0 : p.getLast().value();
  }

  private String date(Instant t) {
    return DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z", Locale.ROOT)
        .format(t.atZone(zone));
  }

  static String cores(double v) {
    return Double.isFinite(v) ? ValueUnit.CORES.format(v) + " cores" : "unset";
  }

  static String bytes(double v) {
    return Double.isFinite(v) ? ValueUnit.BYTES.format(v) : "unset";
  }

  private static List<Sizing> of(List<Sizing> all, Sizing.Verdict v) {
    return all.stream().filter(s -> s.verdict() == v).toList();
  }

  private static Answer.Section section(String heading, List<String> lines) {
    return new Answer.Section(heading, lines.isEmpty() ? List.of("none") : lines, false);
  }

  private static Answer answer(String summary, List<Answer.Section> sections, List<Chart> charts) {
    return new Answer(summary, sections, List.of(), Optional.empty(), false, charts);
  }
}
