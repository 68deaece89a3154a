package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateRunning;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Containers their probes fail: restarted by a failing liveness probe — and when it kills a slow
 * starter (refused until killed, no startupProbe), the startupProbe that would let it start, with
 * the numbers — or running but not ready with the readiness probe's own message and what it means.
 * A container that started moments ago and has no failure events yet is still starting.
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

  private record Hit(
      Pod pod, ContainerStatus status, boolean liveness, List<EventLines.Folded> events) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      if (Pods.finished(pod)) {
        continue;
      }
      for (ContainerStatus status : Pods.statuses(pod)) {
        String name = status.getName();
        if (Probes.killedByLiveness(facts, pod, status)) {
          hits.add(new Hit(pod, status, true, Probes.failures(facts, pod, name, "Liveness")));
          continue;
        }
        ContainerStateRunning running = Pods.state(status).getRunning();
        if (running == null
            || Boolean.TRUE.equals(status.getReady())
            || Pods.isInit(pod, name)
            || !"Running".equals(Pods.phase(pod))) {
          continue;
        }
        List<EventLines.Folded> events =
            new ArrayList<>(Probes.failures(facts, pod, name, "Readiness"));
        events.addAll(Probes.failures(facts, pod, name, "Startup"));
        boolean starting =
            events.isEmpty()
                && Evidence.instant(running.getStartedAt())
                    .map(t -> t.isAfter(clock.instant().minus(STARTING)))
                    .orElse(false);
        if (!starting) {
          hits.add(new Hit(pod, status, false, events));
        }
      }
    }
    Comparator<Hit> worse =
        Comparator.comparing((Hit h) -> !h.liveness())
            .thenComparing(h -> -h.events().stream().mapToInt(EventLines.Folded::count).sum());
    return PodGroup.of(hits, Hit::pod, h -> h.status().getName() + h.liveness(), worse).stream()
        .map(g -> g.worst().liveness() ? liveness(facts, g) : readiness(g))
        .toList();
  }

  private Finding liveness(ClusterFacts facts, PodGroup<Hit> group) {
    Hit hit = group.worst();
    Pod pod = hit.pod();
    String name = hit.status().getName();
    Optional<Container> spec = Pods.container(pod, name);
    Probe live = spec.map(Container::getLivenessProbe).orElse(null);
    String latest = hit.events().isEmpty() ? null : hit.events().getFirst().message();
    Optional<String> meaning = Probes.meaning(latest, spec.orElse(null), live);
    CrashLog log = CrashLog.read(facts.logs(), Pods.namespace(pod), Pods.name(pod), name, false);
    ContainerStateTerminated last = Pods.lastState(hit.status()).getTerminated();
    Optional<Integer> ranFor = ranSeconds(last);
    boolean noStartup = spec.map(c -> c.getStartupProbe() == null).orElse(true);
    boolean neverLive =
        latest != null
            && (latest.contains("connection refused") || latest.contains("deadline exceeded"));
    // a container that is ready now did start: its liveness failures come later, under load
    boolean slowStart =
        live != null
            && noStartup
            && !Boolean.TRUE.equals(hit.status().getReady())
            && (neverLive
                || ranFor
                    .map(s -> s <= Probes.actsAfter(live) + Probes.period(live) + 15)
                    .orElse(false));
    Finding.Builder b =
        Finding.builder(Finding.Severity.CRITICAL, "ProbeFailure", Pods.refOf(pod))
            .reason("Liveness")
            .affects(group.pods(Hit::pod));
    b.evidence(
        "pod "
            + Pods.ref(pod)
            + " container "
            + name
            + ": restarts="
            + Pods.restarts(hit.status())
            + (last == null
                ? ""
                : ", last terminated " + ExitCodes.describe(last.getExitCode(), last.getReason()))
            + ranFor.map(s -> " after running " + s + "s").orElse(""));
    spec.map(ProbeLines::of).ifPresent(b::evidence);
    b.evidence(EventLines.lines(hit.events(), clock));
    b.evidence(log.evidence());
    group.alsoLine(Hit::pod).ifPresent(b::evidence);
    if (slowStart) {
      int killsAfter = Probes.actsAfter(live);
      Optional<Integer> logged = Probes.loggedStartSeconds(log.raw());
      int need = logged.orElse(Math.max(killsAfter * 3, 120));
      int threshold = (int) Math.ceil(need * 1.5 / 10.0);
      b.summary(
              "is killed by its liveness probe before it finishes starting: the probe gives it "
                  + killsAfter
                  + "s (initialDelaySeconds "
                  + Probes.delay(live)
                  + " + "
                  + Probes.threshold(live)
                  + " failures × "
                  + Probes.period(live)
                  + "s)"
                  + logged.map(s -> ", it needs about " + s + "s").orElse("")
                  + " and there is no startupProbe; "
                  + Pods.restarts(hit.status())
                  + " restarts")
          .query("liveness probe kills slow starting container startupProbe")
          .fix(
              "add a startupProbe to container "
                  + name
                  + " in "
                  + PodContext.owner(pod)
                  + " with the liveness probe's check, periodSeconds: 10 and failureThreshold: "
                  + threshold
                  + " (up to "
                  + threshold * 10
                  + "s to start); liveness then starts"
                  + " only after it succeeds")
          .fix(
              "or raise the liveness probe's initialDelaySeconds above the start-up time"
                  + logged.map(s -> " (" + s + "s)").orElse(""));
    } else {
      b.summary(
              "is restarted by its liveness probe: "
                  + meaning.orElse(latest == null ? "failed liveness probe" : latest)
                  + "; "
                  + Pods.restarts(hit.status())
                  + " restarts")
          .query("liveness probe failed container restarted")
          .fix(
              meaning.isPresent() && latest.contains("statuscode")
                  ? "the liveness endpoint reports failure: make it check only the process itself,"
                      + " not dependencies, or fix what it reports"
                  : "compare the liveness probe with what the app serves and how fast; raise"
                      + " timeoutSeconds/failureThreshold if it answers slowly under load");
    }
    return b.build();
  }

  private Finding readiness(PodGroup<Hit> group) {
    Hit hit = group.worst();
    Pod pod = hit.pod();
    String name = hit.status().getName();
    Optional<Container> spec = Pods.container(pod, name);
    String latest = hit.events().isEmpty() ? null : hit.events().getFirst().message();
    boolean startup = latest != null && latest.startsWith("Startup");
    Probe probe = spec.map(c -> startup ? c.getStartupProbe() : c.getReadinessProbe()).orElse(null);
    Optional<String> meaning = Probes.meaning(latest, spec.orElse(null), probe);
    boolean noProbes = spec.map(ProbeLines::of).map(List::isEmpty).orElse(true);
    Finding.Builder b =
        Finding.builder(Finding.Severity.WARNING, "ProbeFailure", Pods.refOf(pod))
            .reason(startup ? "Startup" : "Readiness")
            .role(latest == null ? Finding.Role.SYMPTOM : Finding.Role.CAUSE)
            .affects(group.pods(Hit::pod))
            .summary(
                "is not ready: "
                    + (latest == null
                        ? "container "
                            + name
                            + " runs but reports not ready (no probe failure events)"
                        : (startup ? "startup" : "readiness")
                            + " probe fails — "
                            + meaning.map(m -> m + " — ").orElse("")
                            + latest))
            .query((startup ? "startup" : "readiness") + " probe failed pod not ready");
    b.evidence(
        "pod "
            + Pods.ref(pod)
            + " container "
            + name
            + ": running, not ready, restarts="
            + Pods.restarts(hit.status()));
    spec.map(ProbeLines::of).ifPresent(b::evidence);
    b.evidence(EventLines.lines(hit.events(), clock));
    group.alsoLine(Hit::pod).ifPresent(b::evidence);
    if (noProbes) {
      b.fix("no probes are defined: the container itself reports not ready; read its log");
    } else if (meaning.isPresent() && latest.contains("connection refused")) {
      b.fix(
          "make the probe's port match the port the app listens on, or find why the app does not listen (its log)");
    } else if (meaning.isPresent() && latest.contains("404")) {
      b.fix("point the probe at a path the app serves");
    } else if (meaning.isPresent() && latest.contains("statuscode")) {
      b.fix(
          "the app reports not ready: its log and the dependencies its health check calls say why");
    } else {
      b.fix(
          "compare the probe's path/port with what the app serves, and its timeout with the app's response time");
    }
    return b.build();
  }

  private static Optional<Integer> ranSeconds(ContainerStateTerminated last) {
    if (last == null) {
      return Optional.empty();
    }
    var start = Evidence.instant(last.getStartedAt());
    var end = Evidence.instant(last.getFinishedAt());
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of((int) Duration.between(start.get(), end.get()).getSeconds());
  }
}
