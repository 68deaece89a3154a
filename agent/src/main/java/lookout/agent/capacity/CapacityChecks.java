package lookout.agent.capacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lookout.agent.analyzers.Finding;
import lookout.agent.charts.ValueUnit;
import lookout.agent.inspect.UsageChecks;
import lookout.agent.metrics.Series;

/**
 * The metric part of a check-up: workloads near their memory or CPU limit over the last day,
 * volumes almost full or filling within a week, and the top consumers as information.
 */
public final class CapacityChecks implements UsageChecks {
  static final double NEAR = 0.9;
  static final double VOLUME_FULL = 0.85;
  static final Duration DAY = Duration.ofHours(24);

  private final UsageReader usage;
  private final Forecasts forecasts;
  private final Clock clock;

  public CapacityChecks(UsageReader usage, Forecasts forecasts, Clock clock) {
    this.usage = usage;
    this.forecasts = forecasts;
    this.clock = clock;
  }

  @Override
  public Result check(String namespace) {
    List<Usage> all = usage.usage(namespace);
    List<Finding> findings = new ArrayList<>();
    Instant since = clock.instant().minus(DAY);
    for (Usage u : all) {
      double memPeak = peak(u.memory(), since);
      if (Double.isFinite(u.memoryLimit()) && memPeak > NEAR * u.memoryLimit()) {
        findings.add(
            finding(
                Finding.Severity.WARNING,
                "NearMemoryLimit",
                u,
                "memory peaked at "
                    + pct(memPeak, u.memoryLimit())
                    + " of its limit "
                    + ValueUnit.BYTES.format(u.memoryLimit())
                    + " in the last 24h: the next spike is an OOMKill"));
      }
      double cpuPeak = peak(u.cpu(), since);
      if (Double.isFinite(u.cpuLimit()) && cpuPeak > NEAR * u.cpuLimit()) {
        findings.add(
            finding(
                Finding.Severity.INFO,
                "NearCpuLimit",
                u,
                "CPU reached "
                    + pct(cpuPeak, u.cpuLimit())
                    + " of its limit "
                    + ValueUnit.CORES.format(u.cpuLimit())
                    + " in the last 24h: it is being throttled"));
      }
    }
    Instant week = clock.instant().plus(Duration.ofDays(7));
    for (Outlook v : forecasts.volumes(namespace)) {
      double used = v.history().isEmpty() ? 0 : v.history().getLast().value();
      boolean full = used > VOLUME_FULL * v.limit();
      boolean soon = v.when().filter(w -> w.isBefore(week)).isPresent();
      if (full || soon) {
        findings.add(
            new Finding(
                full ? Finding.Severity.WARNING : Finding.Severity.INFO,
                "VolumeFilling",
                v.subject(),
                v.subject()
                    + " is "
                    + pct(used, v.limit())
                    + " full ("
                    + ValueUnit.BYTES.format(used)
                    + " of "
                    + ValueUnit.BYTES.format(v.limit())
                    + ")"
                    + v.when()
                        .map(
                            w ->
                                ", full in about "
                                    + Duration.between(clock.instant(), w).toHours()
                                    + "h at the current trend")
                        .orElse(""),
                List.of(
                    "hint: grow the claim (if its storage class allows expansion) or clean up; ask \"forecast\" for the trend"),
                List.of()));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.addAll(top(all, true));
    lines.addAll(top(all, false));
    return new Result(findings, lines);
  }

  private List<String> top(List<Usage> all, boolean memory) {
    ValueUnit unit = memory ? ValueUnit.BYTES : ValueUnit.CORES;
    return all.stream()
        .filter(u -> !(memory ? u.memory() : u.cpu()).isEmpty())
        .sorted(
            Comparator.comparingDouble((Usage u) -> last(memory ? u.memory() : u.cpu())).reversed())
        .limit(3)
        .map(
            u ->
                "top "
                    + (memory ? "memory" : "CPU")
                    + ": "
                    + u.ref()
                    + " "
                    + unit.format(last(memory ? u.memory() : u.cpu()))
                    + " per pod × "
                    + u.replicas())
        .toList();
  }

  private static Finding finding(
      Finding.Severity severity, String analyzer, Usage u, String summary) {
    return new Finding(
        severity,
        analyzer,
        u.kind().toLowerCase(Locale.ROOT) + " " + u.ref(),
        summary,
        List.of("ask \"resources " + u.namespace() + "\" for suggested requests and limits"),
        List.of());
  }

  private static double peak(List<Series.Point> points, Instant since) {
    return points.stream()
        .filter(p -> !p.time().isBefore(since))
        .mapToDouble(Series.Point::value)
        .max()
        .orElse(Double.NaN);
  }

  private static double last(List<Series.Point> points) {
    return points.isEmpty() ? 0 : points.getLast().value();
  }

  private static String pct(double v, double of) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * v / of);
  }
}
