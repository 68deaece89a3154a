package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.ContainerStateRunning;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Running containers that fail their probes: not ready (readiness or startup failing), or restarted
 * by a failing liveness probe. A container that started moments ago and has no failure events yet
 * is still starting, not failing.
 */
public final class ProbeFailureAnalyzer implements Analyzer {
  static final Duration STARTING = Duration.ofMinutes(2);

  private final Clock clock;

  public ProbeFailureAnalyzer(Clock clock) {
    this.clock = clock;
  }

  public ProbeFailureAnalyzer() {
    this(Clock.systemUTC());
  }

  private record Hit(Pod pod, ContainerStatus status, List<EventLines.Folded> unhealthy) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      if (!"Running".equals(Pods.phase(pod))) {
        continue;
      }
      for (ContainerStatus status : Pods.statuses(pod)) {
        ContainerStateRunning running = Pods.state(status).getRunning();
        if (running == null) {
          continue;
        }
        List<EventLines.Folded> unhealthy =
            EventLines.about(
                facts.events(),
                "Pod",
                Pods.namespace(pod),
                Pods.name(pod),
                Set.of("Unhealthy"),
                status.getName());
        boolean notReady = !Boolean.TRUE.equals(status.getReady());
        boolean starting =
            unhealthy.isEmpty()
                && Evidence.instant(running.getStartedAt())
                    .map(t -> t.isAfter(clock.instant().minus(STARTING)))
                    .orElse(false);
        boolean livenessKills =
            Pods.restarts(status) > 0
                && unhealthy.stream()
                    .anyMatch(e -> e.message().startsWith("Liveness probe failed"));
        if ((notReady && !starting) || livenessKills) {
          hits.add(new Hit(pod, status, unhealthy));
        }
      }
    }
    Comparator<Hit> worse =
        Comparator.comparing(
            (Hit h) -> -h.unhealthy().stream().mapToInt(EventLines.Folded::count).sum());
    return PodGroup.of(hits, Hit::pod, h -> h.status().getName(), worse).stream()
        .map(this::finding)
        .toList();
  }

  private Finding finding(PodGroup<Hit> group) {
    Hit hit = group.worst();
    Pod pod = hit.pod();
    String name = hit.status().getName();
    boolean ready = Boolean.TRUE.equals(hit.status().getReady());
    String latest = hit.unhealthy().isEmpty() ? null : hit.unhealthy().getFirst().message();
    String summary =
        "container "
            + name
            + (ready ? " is restarted by its liveness probe" : " is running but not ready")
            + (latest == null ? " (no probe failure events)" : ": " + latest)
            + group.countSuffix();

    List<String> evidence = new ArrayList<>();
    evidence.add(
        Evidence.clip(
            "pod "
                + Pods.ref(pod)
                + " container "
                + name
                + ": running, "
                + (ready ? "ready" : "not ready")
                + ", restarts="
                + Pods.restarts(hit.status())));
    Pods.container(pod, name).map(ProbeLines::of).ifPresent(evidence::addAll);
    evidence.addAll(EventLines.lines(hit.unhealthy(), clock));
    group.alsoLine(Hit::pod).ifPresent(evidence::add);
    if (Pods.container(pod, name).map(ProbeLines::of).map(List::isEmpty).orElse(true)) {
      evidence.add(
          "hint: no probes are defined; the container itself reports not ready (check its log)");
    } else {
      evidence.add(
          "hint: compare the probe's path/port with what the app serves, and its timeout with the"
              + " app's response time; a dependency the health check calls may be down");
    }
    return new Finding(
        Finding.Severity.WARNING,
        "ProbeFailure",
        "pod " + Pods.ref(pod),
        Evidence.clip(summary),
        evidence,
        List.of());
  }
}
