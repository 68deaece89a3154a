package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lookout.approvals.Action;
import lookout.approvals.RestartDeployment;

/**
 * Containers that keep crashing: waiting in CrashLoopBackOff, or restarted recently after a
 * non-zero exit. OOMKilled crashes are left to {@link OomKilledAnalyzer}, which says more about
 * them.
 */
public final class CrashLoopBackOffAnalyzer implements Analyzer {
  /** A container that restarted after a failure longer ago than this is not "crashing" any more. */
  static final Duration RECENT = Duration.ofHours(1);

  private final Clock clock;

  public CrashLoopBackOffAnalyzer(Clock clock) {
    this.clock = clock;
  }

  public CrashLoopBackOffAnalyzer() {
    this(Clock.systemUTC());
  }

  private record Hit(Pod pod, ContainerStatus status, boolean backingOff) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      if (Pods.finished(pod)) {
        continue;
      }
      for (ContainerStatus status : Pods.statuses(pod)) {
        ContainerStateWaiting waiting = Pods.state(status).getWaiting();
        ContainerStateTerminated last = Pods.lastState(status).getTerminated();
        if (last != null && "OOMKilled".equals(last.getReason())) {
          continue;
        }
        boolean backingOff = waiting != null && "CrashLoopBackOff".equals(waiting.getReason());
        if (backingOff || recentFailure(status, last)) {
          hits.add(new Hit(pod, status, backingOff));
        }
      }
    }
    Comparator<Hit> worse =
        Comparator.comparing((Hit h) -> !h.backingOff())
            .thenComparing(h -> -Pods.restarts(h.status()));
    return PodGroup.of(hits, Hit::pod, h -> h.status().getName(), worse).stream()
        .map(g -> finding(facts, g))
        .toList();
  }

  private boolean recentFailure(ContainerStatus status, ContainerStateTerminated last) {
    if (last == null || Pods.restarts(status) == 0 || Evidence.intOf(last.getExitCode()) == 0) {
      return false;
    }
    return Evidence.instant(last.getFinishedAt())
        .map(t -> t.isAfter(clock.instant().minus(RECENT)))
        .orElse(true);
  }

  private Finding finding(ClusterFacts facts, PodGroup<Hit> group) {
    Hit hit = group.worst();
    Pod pod = hit.pod();
    String container = hit.status().getName();
    ContainerStateTerminated last = Pods.lastState(hit.status()).getTerminated();
    int restarts = Pods.restarts(hit.status());
    String exit =
        last == null
            ? "CrashLoopBackOff"
            : ExitCodes.describe(last.getExitCode(), last.getReason());
    String summary =
        "container "
            + container
            + (hit.backingOff() ? " keeps crashing: " : " restarted after a crash: ")
            + exit
            + ", "
            + restarts
            + " restart"
            + (restarts == 1 ? "" : "s")
            + group.countSuffix();

    List<String> evidence = new ArrayList<>();
    evidence.add(statusLine(pod, hit, last));
    if (last != null && last.getMessage() != null && !last.getMessage().isBlank()) {
      evidence.add(Evidence.clip("termination message: " + last.getMessage()));
    }
    evidence.addAll(
        LogExcerpt.crashLines(facts.logs(), Pods.namespace(pod), Pods.name(pod), container));
    evidence.addAll(
        EventLines.lines(
            EventLines.about(
                facts.events(),
                "Pod",
                Pods.namespace(pod),
                Pods.name(pod),
                Set.of("BackOff"),
                container),
            clock));
    group.alsoLine(Hit::pod).ifPresent(evidence::add);

    List<Action> suggestions = restart(facts, pod);
    if (!suggestions.isEmpty()) {
      evidence.add(
          "hint: a restart only helps if the cause was transient (a dependency that is back);"
              + " otherwise fix the crash reason first");
    }
    Finding.Severity severity =
        hit.backingOff() ? Finding.Severity.CRITICAL : Finding.Severity.WARNING;
    return new Finding(
        severity,
        "CrashLoopBackOff",
        "pod " + Pods.ref(pod),
        Evidence.clip(summary),
        evidence,
        suggestions);
  }

  private String statusLine(Pod pod, Hit hit, ContainerStateTerminated last) {
    StringBuilder line =
        new StringBuilder("pod ")
            .append(Pods.ref(pod))
            .append(" container ")
            .append(hit.status().getName())
            .append(": ");
    ContainerStateWaiting waiting = Pods.state(hit.status()).getWaiting();
    if (waiting != null) {
      line.append("waiting ").append(Evidence.orDash(waiting.getReason())).append(", ");
    } else if (Pods.state(hit.status()).getRunning() != null) {
      line.append("running, ");
    }
    if (last != null) {
      line.append("last terminated ")
          .append(Evidence.orDash(last.getReason()))
          .append(" exit=")
          .append(last.getExitCode() == null ? "?" : last.getExitCode());
      String ago = Evidence.ago(clock, last.getFinishedAt());
      line.append(ago.isEmpty() ? "" : " (" + ago + ")").append(' ');
    }
    line.append("restarts=").append(Pods.restarts(hit.status()));
    return Evidence.clip(line.toString());
  }

  private static List<Action> restart(ClusterFacts facts, Pod pod) {
    Optional<String> deployment = Workload.deploymentName(pod);
    if (facts.cluster() == null || deployment.isEmpty() || Pods.namespace(pod).isEmpty()) {
      return List.of();
    }
    return List.of(new RestartDeployment(facts.cluster(), Pods.namespace(pod), deployment.get()));
  }
}
