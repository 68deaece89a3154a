package lookout.agent.actions;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.Optional;

/** What the operations need to know about a pod: its controller, local data, whether it runs. */
final class PodFacts {
  private static final String MIRROR = "kubernetes.io/config.mirror";

  private PodFacts() {}

  static Optional<OwnerReference> controller(Pod pod) {
    return pod.getMetadata().getOwnerReferences() == null
        ? Optional.empty()
        : pod.getMetadata().getOwnerReferences().stream()
            .filter(r -> Boolean.TRUE.equals(r.getController()))
            .findFirst();
  }

  static boolean ofDaemonSet(Pod pod) {
    return controller(pod).map(r -> r.getKind().equals("DaemonSet")).orElse(false);
  }

  /** Static pods the kubelet runs from files: the API server cannot delete or evict them. */
  static boolean mirror(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    return annotations != null && annotations.containsKey(MIRROR);
  }

  /** Pods with emptyDir volumes, whose data is lost when they are evicted. */
  static boolean localData(Pod pod) {
    return pod.getSpec() != null
        && pod.getSpec().getVolumes() != null
        && pod.getSpec().getVolumes().stream().anyMatch(v -> v.getEmptyDir() != null);
  }

  /** Succeeded or Failed: nothing runs, no budget protects it. */
  static boolean finished(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  static int restarts(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
        ? 0
        : pod.getStatus().getContainerStatuses().stream()
            .mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount())
            .sum();
  }

  static String ref(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
