package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Containers that cannot start because their image cannot be pulled. */
public final class ImagePullBackOffAnalyzer implements Analyzer {
  static final Set<String> REASONS =
      Set.of(
          "ImagePullBackOff",
          "ErrImagePull",
          "InvalidImageName",
          "ErrImageNeverPull",
          "RegistryUnavailable");

  private static final Set<String> EVENT_REASONS =
      Set.of("Failed", "BackOff", "InspectFailed", "ErrImageNeverPull");

  private final Clock clock;

  public ImagePullBackOffAnalyzer(Clock clock) {
    this.clock = clock;
  }

  public ImagePullBackOffAnalyzer() {
    this(Clock.systemUTC());
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
    String name = hit.status().getName();
    String image = image(hit);
    String reason = hit.waiting().getReason();
    List<EventLines.Folded> events =
        EventLines.about(
            facts.events(), "Pod", Pods.namespace(pod), Pods.name(pod), EVENT_REASONS, name);
    String message = hit.waiting().getMessage();
    List<String> messages = new ArrayList<>();
    if (message != null) {
      messages.add(message);
    }
    events.forEach(e -> messages.add(e.message()));
    List<String> secrets =
        pod.getSpec() == null
            ? List.of()
            : Pods.stream(pod.getSpec().getImagePullSecrets())
                .map(r -> r.getName())
                .filter(n -> n != null)
                .toList();
    PullFailure why =
        PullFailure.classify(
            reason, messages, image, secrets, PodContext.owner(pod), PodContext.arch(facts, pod));
    Finding.Builder b =
        Finding.builder(Finding.Severity.CRITICAL, "ImagePullBackOff", Pods.refOf(pod))
            .reason(reason)
            .affects(group.pods(Hit::pod))
            .summary("cannot start: image " + image + " " + why.cause())
            .fix(why.fix())
            .query(why.query());
    b.evidence(
        "pod "
            + Pods.ref(pod)
            + (Pods.isInit(pod, name) ? " init container " : " container ")
            + name
            + ": waiting "
            + reason
            + " image="
            + image
            + (Pods.nodeName(pod) == null ? "" : " node=" + Pods.nodeName(pod)));
    if (message != null && !message.isBlank()) {
      b.evidence("message: " + message);
    }
    b.evidence(EventLines.lines(events, clock));
    group.alsoLine(Hit::pod).ifPresent(b::evidence);
    return b.build();
  }

  private static String image(Hit hit) {
    String image = hit.status().getImage();
    if (image == null || image.isBlank()) {
      image = Pods.container(hit.pod(), hit.status().getName()).map(c -> c.getImage()).orElse(null);
    }
    return Evidence.orDash(image);
  }
}
