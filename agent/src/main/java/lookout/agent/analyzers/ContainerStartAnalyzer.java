package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Containers the kubelet cannot create or start: {@code CreateContainerConfigError} (a missing
 * ConfigMap, Secret or key — named from the kubelet's message), {@code CreateContainerError},
 * {@code RunContainerError} and the hook errors, with the runtime's reason (a command not in the
 * image, a binary for another architecture, runAsNonRoot against a root image).
 */
public final class ContainerStartAnalyzer implements Analyzer {
  static final Set<String> REASONS =
      Set.of(
          "CreateContainerConfigError",
          "CreateContainerError",
          "RunContainerError",
          "PreStartHookError",
          "PostStartHookError",
          "PreCreateHookError");

  private final Clock clock;

  public ContainerStartAnalyzer(Clock clock) {
    this.clock = clock;
  }

  private record Hit(Pod pod, ContainerStatus status, ContainerStateWaiting waiting) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      for (ContainerStatus status : Pods.statuses(pod)) {
        ContainerStateWaiting waiting = Pods.state(status).getWaiting();
        if (waiting != null && REASONS.contains(waiting.getReason())) {
          hits.add(new Hit(pod, status, waiting));
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
    String container = hit.status().getName();
    String reason = hit.waiting().getReason();
    List<EventLines.Folded> events =
        EventLines.about(
            facts.events(),
            "Pod",
            Pods.namespace(pod),
            Pods.name(pod),
            Set.of("Failed"),
            container);
    String message = hit.waiting().getMessage();
    List<String> messages = new ArrayList<>();
    if (message != null) {
      messages.add(message);
    }
    events.forEach(e -> messages.add(e.message()));
    Optional<StartFailure> cause =
        messages.stream()
            .map(
                m ->
                    StartFailure.classify(
                        m,
                        Pods.namespace(pod),
                        PodContext.workload(pod),
                        Pods.nodeName(pod),
                        PodContext.arch(facts, pod)))
            .flatMap(Optional::stream)
            .findFirst();
    String what = Pods.isInit(pod, container) ? "init container " : "container ";
    Finding.Builder b =
        Finding.builder(Finding.Severity.CRITICAL, "ContainerStart", Pods.refOf(pod))
            .reason(reason)
            .affects(group.pods(Hit::pod))
            .summary(
                "cannot start: "
                    + cause
                        .map(StartFailure::text)
                        .orElse(what + container + ": " + Evidence.orDash(message)));
    b.evidence(
        "pod "
            + Pods.ref(pod)
            + " "
            + what
            + container
            + ": waiting "
            + reason
            + (message == null ? "" : ": " + message));
    b.evidence(EventLines.lines(events, clock));
    group.alsoLine(Hit::pod).ifPresent(b::evidence);
    cause.ifPresent(
        c -> {
          b.fix(c.fix()).query(c.query());
          c.missing().ifPresent(m -> b.blames(m.ref(Pods.namespace(pod))));
        });
    if (cause.isEmpty()) {
      b.fix(
              "read the message above: the runtime refused to "
                  + (reason.startsWith("Create") ? "create" : "start")
                  + " the container; correct the spec of "
                  + PodContext.owner(pod)
                  + " accordingly")
          .query(reason);
    }
    return b.build();
  }
}
