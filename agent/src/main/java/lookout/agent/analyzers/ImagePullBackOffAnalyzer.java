package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    List<String> evidence = new ArrayList<>();
    evidence.add(
        Evidence.clip(
            "pod "
                + Pods.ref(pod)
                + " container "
                + name
                + ": waiting "
                + reason
                + " image="
                + image));
    String message = hit.waiting().getMessage();
    if (message != null && !message.isBlank()) {
      evidence.add(Evidence.clip("message: " + message));
    }
    evidence.addAll(EventLines.lines(events, clock));
    group.alsoLine(Hit::pod).ifPresent(evidence::add);
    String all =
        (message == null ? "" : message)
            + " "
            + String.join(" ", events.stream().map(EventLines.Folded::message).toList());
    evidence.add(hint(reason, all));
    String summary = "image " + image + " cannot be pulled (" + reason + ")" + group.countSuffix();
    return new Finding(
        Finding.Severity.CRITICAL,
        "ImagePullBackOff",
        "pod " + Pods.ref(pod),
        Evidence.clip(summary),
        evidence,
        List.of());
  }

  private static String image(Hit hit) {
    String image = hit.status().getImage();
    if (image == null || image.isBlank()) {
      image = Pods.container(hit.pod(), hit.status().getName()).map(c -> c.getImage()).orElse(null);
    }
    return Evidence.orDash(image);
  }

  /** The usual cause, read from the registry's wording. */
  static String hint(String reason, String messages) {
    String m = messages.toLowerCase(Locale.ROOT);
    if ("InvalidImageName".equals(reason) || m.contains("invalid reference format")) {
      return "hint: the image name is malformed; fix the image field of the container spec";
    }
    if (m.contains("unauthorized")
        || m.contains("authentication required")
        || m.contains("denied")
        || m.contains("forbidden")
        || m.contains("401")
        || m.contains("403")) {
      return "hint: the registry refused the credentials; check imagePullSecrets and the registry"
          + " permissions";
    }
    if (m.contains("not found")
        || m.contains("notfound")
        || m.contains("manifest unknown")
        || m.contains("does not exist")) {
      return "hint: the image or tag does not exist in the registry; check the tag that was"
          + " deployed";
    }
    if (m.contains("no such host")
        || m.contains("timeout")
        || m.contains("connection refused")
        || m.contains("i/o timeout")
        || m.contains("tls")) {
      return "hint: the node cannot reach the registry; check DNS, proxy, firewall or the"
          + " registry's health";
    }
    if (m.contains("toomanyrequests") || m.contains("rate limit")) {
      return "hint: the registry rate-limits pulls; authenticate or use a mirror";
    }
    return "hint: check the image name and tag, the registry's availability and imagePullSecrets";
  }
}
