package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.ContainerStateRunning;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pods held in Init by an init container that runs and never finishes — typically a "wait for the
 * database" loop — with what its current log says it waits for: a name that does not resolve
 * (NXDOMAIN, no such host), a port that refuses. Init containers that crash are the crash
 * analyzers' (they say "init container …").
 */
public final class InitContainerAnalyzer implements Analyzer {
  /** An init container running longer than this is stuck, not slow. */
  static final Duration STUCK = Duration.ofMinutes(5);

  private static final Pattern HOST =
      Pattern.compile(
          "(?:can't find|can't resolve|could not resolve|cannot resolve|lookup|resolve host:?)\\s+'?\"?([a-zA-Z0-9][\\w.-]*[a-zA-Z0-9])");

  private final Clock clock;

  public InitContainerAnalyzer(Clock clock) {
    this.clock = clock;
  }

  private record Hit(Pod pod, ContainerStatus status, ContainerStateRunning running) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      if (pod.getStatus() == null || !"Pending".equals(Pods.phase(pod))) {
        continue;
      }
      for (ContainerStatus s : Pods.stream(pod.getStatus().getInitContainerStatuses()).toList()) {
        ContainerStateRunning running = Pods.state(s).getRunning();
        boolean sidecar =
            Pods.container(pod, s.getName())
                .map(c -> "Always".equals(c.getRestartPolicy()))
                .orElse(false);
        if (running != null
            && !sidecar
            && Evidence.instant(running.getStartedAt())
                .map(t -> t.isBefore(clock.instant().minus(STUCK)))
                .orElse(false)) {
          hits.add(new Hit(pod, s, running));
          break; // init containers run one at a time: the running one blocks the rest
        }
      }
    }
    Comparator<Hit> any = Comparator.comparing(h -> Pods.name(h.pod()));
    return PodGroup.of(hits, Hit::pod, h -> h.status().getName(), any).stream()
        .map(g -> finding(facts, g))
        .toList();
  }

  private Finding finding(ClusterFacts facts, PodGroup<Hit> group) {
    Hit hit = group.worst();
    Pod pod = hit.pod();
    String name = hit.status().getName();
    String ns = Pods.namespace(pod);
    List<String> log = current(facts.logs(), ns, Pods.name(pod), name);
    Optional<String> host =
        log.stream()
            .map(HOST::matcher)
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .reduce((a, b) -> b);
    Optional<String> best = CrashLog.best(log);
    String running = Evidence.ago(clock, hit.running().getStartedAt()).replace(" ago", "");
    String waitsFor =
        host.map(
                h ->
                    "name "
                        + h
                        + " does not resolve ("
                        + (String.join(" ", log).contains("NXDOMAIN")
                            ? "NXDOMAIN"
                            : "DNS lookup fails")
                        + ")")
            .or(() -> best)
            .orElse("it does not say what it waits for");
    Finding.Builder b =
        Finding.builder(Finding.Severity.CRITICAL, "InitContainer", Pods.refOf(pod))
            .reason("PodInitializing")
            .affects(group.pods(Hit::pod))
            .summary(
                "cannot start: init container "
                    + name
                    + " has been running for "
                    + running
                    + " and never finishes: "
                    + waitsFor)
            .query("init container stuck waiting Init:0/1");
    b.evidence(
        "pod "
            + Pods.ref(pod)
            + ": Pending, Init — init container "
            + name
            + " running since "
            + Evidence.orDash(hit.running().getStartedAt()));
    Pods.container(pod, name)
        .map(
            c ->
                c.getCommand() == null
                    ? null
                    : String.join(" ", c.getCommand())
                        + (c.getArgs() == null ? "" : " " + String.join(" ", c.getArgs())))
        .ifPresent(cmd -> b.evidence("init container " + name + " runs: " + cmd));
    b.evidence(ErrorLines.extract(log, LogExcerpt.CAP).stream().map(l -> "log: " + l).toList());
    group.alsoLine(Hit::pod).ifPresent(b::evidence);
    if (host.isPresent()) {
      String service = host.get().split("\\.")[0];
      b.blames(new ObjectRef("Service", ns, service));
      b.fix(
          "create what "
              + name
              + " waits for (Service "
              + service
              + " in "
              + ns
              + " — is its chart or release installed?), or correct the name "
              + host.get()
              + " in the init container of "
              + PodContext.owner(pod));
    } else {
      b.fix(
          "make what init container "
              + name
              + " waits for available, or correct its check in "
              + PodContext.owner(pod)
              + "; its log above says what it waits for");
    }
    return b.build();
  }

  private static List<String> current(LogSource logs, String ns, String pod, String container) {
    if (logs == null) {
      return List.of();
    }
    try {
      List<String> lines = logs.tail(ns, pod, container, false, LogExcerpt.TAIL);
      return lines == null ? List.of() : lines;
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
