package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Pods the scheduler cannot place: Pending with PodScheduled=False. */
public final class PendingAnalyzer implements Analyzer {
  private final Clock clock;

  public PendingAnalyzer(Clock clock) {
    this.clock = clock;
  }

  public PendingAnalyzer() {
    this(Clock.systemUTC());
  }

  private record Hit(Pod pod, PodCondition scheduled) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      Optional<PodCondition> scheduled = Pods.condition(pod, "PodScheduled");
      if ("Pending".equals(Pods.phase(pod))
          && scheduled.isPresent()
          && "False".equals(scheduled.get().getStatus())) {
        hits.add(new Hit(pod, scheduled.get()));
      }
    }
    Comparator<Hit> any = Comparator.comparing(h -> Pods.name(h.pod()));
    return PodGroup.of(hits, Hit::pod, h -> "", any).stream().map(g -> finding(facts, g)).toList();
  }

  private Finding finding(ClusterFacts facts, PodGroup<Hit> group) {
    Pod pod = group.worst().pod();
    PodCondition scheduled = group.worst().scheduled();
    String message =
        scheduled.getMessage() == null || scheduled.getMessage().isBlank()
            ? "no message from the scheduler"
            : scheduled.getMessage();

    List<String> evidence = new ArrayList<>();
    String since =
        Evidence.instant(scheduled.getLastTransitionTime())
            .map(t -> " for " + Evidence.age(java.time.Duration.between(t, clock.instant())))
            .orElse("");
    evidence.add(
        Evidence.clip(
            "pod "
                + Pods.ref(pod)
                + ": Pending, PodScheduled=False ("
                + Evidence.orDash(scheduled.getReason())
                + ")"
                + since));
    evidence.add(Evidence.clip("scheduler: " + message));
    requests(pod).ifPresent(evidence::add);
    evidence.addAll(
        EventLines.lines(
            EventLines.about(
                facts.events(),
                "Pod",
                Pods.namespace(pod),
                Pods.name(pod),
                Set.of("FailedScheduling"),
                null),
            clock));
    group.alsoLine(Hit::pod).ifPresent(evidence::add);
    hint(message).ifPresent(evidence::add);
    return new Finding(
        Finding.Severity.WARNING,
        "Pending",
        "pod " + Pods.ref(pod),
        Evidence.clip("pod cannot be scheduled: " + message + group.countSuffix()),
        evidence,
        List.of());
  }

  /** "requests: app cpu=2 memory=4Gi": what the scheduler had to fit. */
  private static Optional<String> requests(Pod pod) {
    List<String> parts = new ArrayList<>();
    for (Container c : Pods.containers(pod)) {
      Optional<Quantity> cpu = Quantities.quantity(c.getResources(), false, "cpu");
      Optional<Quantity> mem = Quantities.quantity(c.getResources(), false, "memory");
      if (cpu.isPresent() || mem.isPresent()) {
        parts.add(
            c.getName()
                + cpu.map(q -> " cpu=" + Quantities.text(q)).orElse("")
                + mem.map(q -> " memory=" + Quantities.text(q)).orElse(""));
      }
    }
    return parts.isEmpty()
        ? Optional.empty()
        : Optional.of(Evidence.clip("requests: " + String.join(", ", parts)));
  }

  /** The usual fix for the scheduler's usual complaints. */
  static Optional<String> hint(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("insufficient")) {
      return Optional.of(
          "hint: no node has enough free capacity; lower the requests, free capacity or add nodes");
    }
    if (m.contains("persistentvolumeclaim") || m.contains("volume node affinity")) {
      return Optional.of(
          "hint: a volume is not bound or not reachable from the nodes; see the claim's events");
    }
    if (m.contains("taint")) {
      return Optional.of(
          "hint: the nodes have taints the pod does not tolerate; add a toleration or use other"
              + " nodes");
    }
    if (m.contains("affinity") || m.contains("selector")) {
      return Optional.of(
          "hint: no node matches the pod's nodeSelector/affinity; check the labels on the nodes");
    }
    if (m.contains("unschedulable")) {
      return Optional.of("hint: the nodes are cordoned; uncordon one or add nodes");
    }
    return Optional.empty();
  }
}
