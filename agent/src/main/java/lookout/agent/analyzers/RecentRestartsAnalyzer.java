package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Containers that restarted within the last day but run again now: not an outage, but a check-up
 * should mention them (a nightly OOM or a crash on a cron path hides from every "what is broken
 * now" view). Containers still crashing are left to the crash analyzers. Used by check-ups only.
 */
public final class RecentRestartsAnalyzer implements Analyzer {
  static final Duration WINDOW = Duration.ofHours(24);

  private final Clock clock;

  public RecentRestartsAnalyzer(Clock clock) {
    this.clock = clock;
  }

  private record Hit(Pod pod, ContainerStatus status, ContainerStateTerminated last) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    Instant since = clock.instant().minus(WINDOW);
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      if (Pods.finished(pod)) {
        continue;
      }
      for (ContainerStatus status : Pods.statuses(pod)) {
        ContainerStateTerminated last = Pods.lastState(status).getTerminated();
        boolean running = Pods.state(status).getRunning() != null;
        if (running
            && last != null
            && Pods.restarts(status) > 0
            && Evidence.instant(last.getFinishedAt()).map(since::isBefore).orElse(false)) {
          hits.add(new Hit(pod, status, last));
        }
      }
    }
    Comparator<Hit> worse = Comparator.comparing(h -> -Pods.restarts(h.status()));
    return PodGroup.of(hits, Hit::pod, h -> h.status().getName(), worse).stream()
        .map(this::finding)
        .toList();
  }

  private Finding finding(PodGroup<Hit> group) {
    Hit hit = group.worst();
    int restarts = Pods.restarts(hit.status());
    String summary =
        "container "
            + hit.status().getName()
            + " restarted "
            + restarts
            + " time"
            + (restarts == 1 ? "" : "s")
            + ", last "
            + Evidence.ago(clock, hit.last().getFinishedAt())
            + " ("
            + ExitCodes.describe(hit.last().getExitCode(), hit.last().getReason())
            + "); running again"
            + group.countSuffix();
    List<String> evidence = new ArrayList<>();
    evidence.add(
        "pod "
            + Pods.ref(hit.pod())
            + " container "
            + hit.status().getName()
            + ": last terminated "
            + Evidence.orDash(hit.last().getFinishedAt()));
    group.alsoLine(Hit::pod).ifPresent(evidence::add);
    return new Finding(
        Finding.Severity.INFO,
        "Restarts",
        "pod " + Pods.ref(hit.pod()),
        Evidence.clip(summary),
        evidence,
        List.of());
  }
}
