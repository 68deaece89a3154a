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
 * Containers that restarted within the last day but run again now: not an outage, but what makes a
 * target "recovered" rather than healthy — when it restarted, how it ended (the last termination
 * state) and, for a question about one target, what the previous instance logged before it ended.
 * Containers still crashing are left to the crash analyzers.
 */
public final class RecentRestartsAnalyzer implements Analyzer {
  /** The reason of its notes: the diagnosis engine reads it as "recovered". */
  public static final String REASON = "Restarted";

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
        .map(g -> finding(facts, g))
        .toList();
  }

  private Finding finding(ClusterFacts facts, PodGroup<Hit> group) {
    Hit hit = group.worst();
    Pod pod = hit.pod();
    String container = hit.status().getName();
    int restarts = Pods.restarts(hit.status());
    String how = ExitCodes.describe(hit.last().getExitCode(), hit.last().getReason());
    Finding.Builder b =
        Finding.builder(Finding.Severity.INFO, "Restarts", Pods.refOf(pod))
            .role(Finding.Role.NOTE)
            .reason(REASON)
            .affects(group.pods(Hit::pod))
            .query("container restarted " + Evidence.orDash(hit.last().getReason()))
            .summary(
                "container "
                    + container
                    + " restarted "
                    + restarts
                    + " time"
                    + (restarts == 1 ? "" : "s")
                    + ", last "
                    + Evidence.ago(clock, hit.last().getFinishedAt())
                    + " ("
                    + how
                    + "); running again");
    b.evidence(
        "pod "
            + Pods.ref(pod)
            + " container "
            + container
            + ": running and "
            + (Boolean.TRUE.equals(hit.status().getReady()) ? "ready" : "not ready")
            + "; last terminated "
            + Evidence.orDash(hit.last().getFinishedAt())
            + " "
            + how);
    String message = hit.last().getMessage();
    if (message != null && !message.isBlank()) {
      b.evidence("termination message: " + message);
    }
    if (Scope.single(facts)) {
      b.evidence(
          LogExcerpt.previousLines(facts.logs(), Pods.namespace(pod), Pods.name(pod), container));
    }
    group.alsoLine(Hit::pod).ifPresent(b::evidence);
    if ("OOMKilled".equals(hit.last().getReason())) {
      b.fix(
          "it ran out of memory: raise the memory limit of "
              + container
              + " before it happens again");
    }
    return b.build();
  }
}
