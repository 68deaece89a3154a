package lookout.agent.analyzers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The standard analyzer set, and a way to run several as one. */
public final class Analyzers {
  private Analyzers() {}

  /** The subject of the finding that stands for an analyzer that threw. */
  public static final String FAILED_SUBJECT = "analyzer ";

  /** The standard analyzers on the system clock, without memory usage data. */
  public static List<Analyzer> all() {
    return all(Clock.systemUTC(), null);
  }

  /**
   * The standard analyzers, most specific first: the order findings of equal severity keep.
   *
   * @param usage memory usage for the OOMKilled analyzer, or null when there are no metrics
   */
  public static List<Analyzer> all(Clock clock, UsageSource usage) {
    return List.of(
        new ContainerStartAnalyzer(clock),
        new InitContainerAnalyzer(clock),
        new FailedMountAnalyzer(clock),
        new ImagePullBackOffAnalyzer(clock),
        new OomKilledAnalyzer(clock, usage),
        new ProbeFailureAnalyzer(clock),
        new CrashLoopBackOffAnalyzer(clock),
        new PendingAnalyzer(clock),
        new NodeLostAnalyzer(clock),
        new EvictionAnalyzer(clock),
        new FailedCreateAnalyzer(clock),
        new ClaimAnalyzer(clock),
        new ClaimResizeAnalyzer(clock),
        new VolumeAttachAnalyzer(clock),
        new NodeAnalyzer(clock),
        new NodeSchedulingAnalyzer(),
        new ServiceAnalyzer(clock),
        new IngressAnalyzer(),
        new JobAnalyzer(clock),
        new CronJobAnalyzer(clock),
        new HpaAnalyzer(clock),
        new QuotaAnalyzer(clock),
        new ScaledToZeroAnalyzer(),
        new RolloutAnalyzer(),
        new StatefulSetAnalyzer(),
        new DaemonSetAnalyzer(clock),
        new ReadGapsAnalyzer(),
        new RecentRestartsAnalyzer(clock));
  }

  /**
   * One analyzer running {@code analyzers} in order, findings sorted by severity (stable, so the
   * order of analyzers breaks ties). An analyzer that throws does not hide the others: its failure
   * becomes an INFO finding naming it.
   */
  public static Analyzer combined(List<Analyzer> analyzers) {
    List<Analyzer> copy = List.copyOf(analyzers);
    return facts -> {
      List<Finding> all = new ArrayList<>();
      for (Analyzer a : copy) {
        try {
          all.addAll(a.analyze(facts));
        } catch (RuntimeException e) {
          String name = a.getClass().getSimpleName();
          all.add(
              new Finding(
                  Finding.Severity.INFO,
                  name,
                  FAILED_SUBJECT + name,
                  Evidence.clip("analyzer " + name + " failed: " + e),
                  List.of(),
                  List.of()));
        }
      }
      return all.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    };
  }

  /** The standard analyzers as one, on the system clock. */
  public static Analyzer standard() {
    return combined(all());
  }
}
