package lookout.agent.capacity;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import lookout.agent.Answer;
import lookout.agent.charts.BarChart;
import lookout.agent.charts.Chart;
import lookout.agent.charts.ValueUnit;
import lookout.agent.grammar.CheckupRequest;
import lookout.agent.inspect.CheckupAgent;
import lookout.agent.metrics.Series;

/**
 * "resources prod", "top memory staging", "forecast prod" answered from {@link UsageReader} and
 * {@link Forecasts}: text first, charts where a picture says more.
 */
public final class CapacityAnswers implements CheckupAgent.Capacity {
  static final int TOP = 8;

  private final String cluster;
  private final UsageReader usage;
  private final ForecastAnswers forecasts;

  public CapacityAnswers(
      String cluster, UsageReader usage, Forecasts forecasts, ZoneId zone, Clock clock) {
    this.cluster = cluster;
    this.usage = usage;
    this.forecasts = new ForecastAnswers(forecasts, zone, clock);
  }

  @Override
  public Answer answer(CheckupRequest.Kind kind, String namespace, Locale language) {
    String scope = namespace == null ? cluster : cluster + "/" + namespace;
    return switch (kind) {
      case RESOURCES -> resources(scope, usage.usage(namespace), language);
      case TOP_CPU -> top(scope, usage.usage(namespace), false, language);
      case TOP_MEMORY -> top(scope, usage.usage(namespace), true, language);
      case FORECAST -> forecasts.answer(scope, namespace, usage.usage(namespace), language);
      case INSPECT -> throw new IllegalArgumentException("check-ups are not capacity answers");
    };
  }

  Answer resources(String scope, List<Usage> all, Locale language) {
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
              ChartWords.OVER_PROVISIONED.in(language, scope),
              ValueUnit.BYTES,
              wasteful.stream()
                  .map(
                      s ->
                          new BarChart.Bar(
                              s.usage().ref(),
                              s.usage().memoryMax().orElse(0.0),
                              OptionalDouble.of(s.usage().memoryRequest())))
                  .toList(),
              ChartWords.REQUEST.in(language),
              language));
    }
    return answer(summary, sections, charts);
  }

  Answer top(String scope, List<Usage> all, boolean memory, Locale language) {
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
            (memory ? ChartWords.TOP_MEMORY : ChartWords.TOP_CPU).in(language, scope),
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
                .toList(),
            ChartWords.LIMIT.in(language),
            language);
    return answer(
        "Top " + what + " in " + scope + ": " + ranked.getFirst().ref() + " uses the most.",
        List.of(section("Workloads", lines)),
        List.of(chart));
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

  static String cores(double v) {
    return Double.isFinite(v) ? ValueUnit.CORES.format(v) + " cores" : "unset";
  }

  static String bytes(double v) {
    return Double.isFinite(v) ? ValueUnit.BYTES.format(v) : "unset";
  }

  private static List<Sizing> of(List<Sizing> all, Sizing.Verdict v) {
    return all.stream().filter(s -> s.verdict() == v).toList();
  }

  static Answer.Section section(String heading, List<String> lines) {
    return new Answer.Section(heading, lines.isEmpty() ? List.of("none") : lines, false);
  }

  static Answer answer(String summary, List<Answer.Section> sections, List<Chart> charts) {
    return new Answer(summary, sections, List.of(), Optional.empty(), false, charts);
  }
}
