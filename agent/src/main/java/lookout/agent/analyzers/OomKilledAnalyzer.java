package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Containers the kernel killed for exceeding memory (reason OOMKilled). There is no action type for
 * raising a limit yet, so the suggestion is a hint line in the evidence.
 */
public final class OomKilledAnalyzer implements Analyzer {
  private final Clock clock;
  private final UsageSource usage;

  /**
   * @param usage peak memory per container, or null when metrics are not available
   */
  public OomKilledAnalyzer(Clock clock, UsageSource usage) {
    this.clock = clock;
    this.usage = usage;
  }

  public OomKilledAnalyzer() {
    this(Clock.systemUTC(), null);
  }

  private record Hit(
      Pod pod, ContainerStatus status, ContainerStateTerminated killed, boolean current) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      for (ContainerStatus status : Pods.statuses(pod)) {
        ContainerStateTerminated now = Pods.state(status).getTerminated();
        ContainerStateTerminated last = Pods.lastState(status).getTerminated();
        if (now != null && "OOMKilled".equals(now.getReason())) {
          hits.add(new Hit(pod, status, now, true));
        } else if (last != null && "OOMKilled".equals(last.getReason())) {
          hits.add(new Hit(pod, status, last, false));
        }
      }
    }
    Comparator<Hit> worse = Comparator.comparing((Hit h) -> -Pods.restarts(h.status()));
    return PodGroup.of(hits, Hit::pod, h -> h.status().getName(), worse).stream()
        .map(g -> finding(facts, g))
        .toList();
  }

  private Finding finding(ClusterFacts facts, PodGroup<Hit> group) {
    Hit hit = group.worst();
    Pod pod = hit.pod();
    String name = hit.status().getName();
    Optional<Container> spec = Pods.container(pod, name);
    Optional<Quantity> limit = spec.flatMap(Quantities::limit);
    BigDecimal limitBytes = limit.flatMap(Quantities::bytes).orElse(null);
    String limitText = limit.map(Quantities::text).orElse("none");
    Optional<RuntimeHeap> jvm = spec.flatMap(RuntimeHeap::of);
    Optional<String> heapProblem = jvm.flatMap(j -> j.problem(limitBytes, limitText));
    int restarts = Pods.restarts(hit.status());
    boolean stillFailing = hit.current() || !Boolean.TRUE.equals(hit.status().getReady());
    String cause =
        heapProblem.orElse(
            limit
                .map(q -> "it needs more than its memory limit " + Quantities.text(q))
                .orElse("it has no memory limit and the node ran out of memory"));
    // killed over an hour ago and ready since: how it ended last time, not a failure now
    boolean past =
        !stillFailing
            && Evidence.instant(hit.killed().getFinishedAt())
                .map(t -> t.isBefore(clock.instant().minus(CrashLoopBackOffAnalyzer.RECENT)))
                .orElse(false);
    Finding.Builder b =
        Finding.builder(
                stillFailing
                    ? Finding.Severity.CRITICAL
                    : past ? Finding.Severity.INFO : Finding.Severity.WARNING,
                "OOMKilled",
                Pods.refOf(pod))
            .role(past ? Finding.Role.NOTE : Finding.Role.CAUSE)
            .reason("OOMKilled")
            .affects(group.pods(Hit::pod))
            .query(
                jvm.map(j -> "OOMKilled " + j.runtime() + " memory limit")
                    .orElse("OOMKilled memory limit"))
            .summary(
                (stillFailing ? "keeps getting OOMKilled: " : "was OOMKilled: ")
                    + "container "
                    + name
                    + " — "
                    + cause
                    + "; "
                    + restarts
                    + " restart"
                    + (restarts == 1 ? "" : "s"));
    String when = Evidence.ago(clock, hit.killed().getFinishedAt());
    b.evidence(
        "pod "
            + Pods.ref(pod)
            + " container "
            + name
            + ": "
            + (hit.current() ? "terminated" : "last terminated")
            + " OOMKilled exit="
            + (hit.killed().getExitCode() == null ? "?" : hit.killed().getExitCode())
            + (when.isEmpty() ? "" : " (" + when + ")")
            + " restarts="
            + restarts);
    b.evidence(memoryLine(pod, name, spec, limit));
    jvm.ifPresent(
        j ->
            b.evidence(
                (j.runtime().startsWith("JVM") ? "jvm" : j.runtime())
                    + ": "
                    + (j.xmx() == null ? "" : j.xmx() + " ")
                    + (j.maxRamPercentage() == null
                        ? ""
                        : "-XX:MaxRAMPercentage=" + j.maxRamPercentage() + " ")
                    + "from "
                    + j.source()));
    b.evidence(
        EventLines.lines(
            EventLines.about(
                facts.events(),
                "Pod",
                Pods.namespace(pod),
                Pods.name(pod),
                Set.of("BackOff", "OOMKilling"),
                name),
            clock));
    group.alsoLine(Hit::pod).ifPresent(b::evidence);
    if (jvm.isPresent() && (heapProblem.isPresent() || limitBytes != null)) {
      b.fix(jvm.get().fix(limitBytes, name));
    } else {
      b.fix(hint(name, limit).substring("hint: ".length()));
    }
    return b.build();
  }

  private String memoryLine(
      Pod pod, String name, Optional<Container> spec, Optional<Quantity> limit) {
    String request = spec.flatMap(Quantities::request).map(Quantities::text).orElse("none");
    OptionalLong peak = usage == null ? OptionalLong.empty() : peakUsage(pod, name);
    String used = "usage unknown";
    if (peak.isPresent()) {
      BigDecimal bytes = BigDecimal.valueOf(peak.getAsLong());
      used =
          "peak usage "
              + Quantities.mebibytes(bytes)
              + limit
                  .flatMap(Quantities::bytes)
                  .filter(b -> b.signum() > 0)
                  .map(
                      b ->
                          " ("
                              + bytes
                                  .multiply(BigDecimal.valueOf(100))
                                  .divide(b, 0, java.math.RoundingMode.HALF_UP)
                              + "% of limit)")
                  .orElse("");
    }
    return Evidence.clip(
        "memory: limit "
            + limit.map(Quantities::text).orElse("none")
            + ", request "
            + request
            + ", "
            + used);
  }

  private OptionalLong peakUsage(Pod pod, String name) {
    try {
      return usage.peakMemoryBytes(Pods.namespace(pod), Pods.name(pod), name);
    } catch (RuntimeException e) {
      return OptionalLong.empty(); // metrics are a bonus; their failure must not hide the finding
    }
  }

  private static String hint(String name, Optional<Quantity> limit) {
    if (limit.isEmpty()) {
      return "hint: container "
          + name
          + " has no memory limit, so the node ran out of memory;"
          + " set requests/limits and check node pressure";
    }
    String raise =
        limit
            .flatMap(Quantities::bytes)
            .filter(b -> b.signum() > 0)
            .map(
                b ->
                    " (e.g. to "
                        + Quantities.mebibytes(
                            b.multiply(BigDecimal.valueOf(3)).divide(BigDecimal.valueOf(2)))
                        + ")")
            .orElse("");
    return Evidence.clip(
        "hint: raise the memory limit of "
            + name
            + " above "
            + Quantities.text(limit.get())
            + raise
            + ", or find what grows (heap settings, caches, leaks)");
  }
}
