package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Null-safe reads of the fabric8 pod model. Objects built by hand or half-filled by a watch may
 * lack status, spec or metadata; analyzers must treat that as "nothing to see", never as a crash.
 */
final class Pods {
  private Pods() {}

  static String namespace(Pod pod) {
    return pod.getMetadata() == null
        ? ""
        : Objects.requireNonNullElse(pod.getMetadata().getNamespace(), "");
  }

  static String name(Pod pod) {
    return pod.getMetadata() == null
        ? "?"
        : Objects.requireNonNullElse(pod.getMetadata().getName(), "?");
  }

  /** {@code namespace/name}, the way people paste it into kubectl. */
  static String ref(Pod pod) {
    String ns = namespace(pod);
    return ns.isEmpty() ? name(pod) : ns + "/" + name(pod);
  }

  /** The pod as an object reference, for a finding's subject and the pods it affects. */
  static ObjectRef refOf(Pod pod) {
    return ObjectRef.pod(namespace(pod), name(pod));
  }

  static String phase(Pod pod) {
    return pod.getStatus() == null
        ? ""
        : Objects.requireNonNullElse(pod.getStatus().getPhase(), "");
  }

  /** Succeeded and Failed pods are finished: their containers will not run again. */
  static boolean finished(Pod pod) {
    String phase = phase(pod);
    return phase.equals("Succeeded") || phase.equals("Failed");
  }

  /** Init container statuses first, then the app containers, as the kubelet runs them. */
  static List<ContainerStatus> statuses(Pod pod) {
    if (pod.getStatus() == null) {
      return List.of();
    }
    List<ContainerStatus> all = new ArrayList<>();
    addAll(all, pod.getStatus().getInitContainerStatuses());
    addAll(all, pod.getStatus().getContainerStatuses());
    return all;
  }

  static Optional<Container> container(Pod pod, String name) {
    if (pod.getSpec() == null || name == null) {
      return Optional.empty();
    }
    return Stream.concat(
            stream(pod.getSpec().getInitContainers()), stream(pod.getSpec().getContainers()))
        .filter(c -> name.equals(c.getName()))
        .findFirst();
  }

  /** True when {@code container} is one of the pod's init containers. */
  static boolean isInit(Pod pod, String container) {
    return pod.getSpec() != null
        && stream(pod.getSpec().getInitContainers()).anyMatch(c -> c.getName().equals(container));
  }

  static List<Container> containers(Pod pod) {
    return pod.getSpec() == null ? List.of() : stream(pod.getSpec().getContainers()).toList();
  }

  static Optional<PodCondition> condition(Pod pod, String type) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    return stream(pod.getStatus().getConditions())
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  static String nodeName(Pod pod) {
    return pod.getSpec() == null ? null : pod.getSpec().getNodeName();
  }

  static ContainerState state(ContainerStatus status) {
    return status.getState() == null ? new ContainerState() : status.getState();
  }

  static ContainerState lastState(ContainerStatus status) {
    return status.getLastState() == null ? new ContainerState() : status.getLastState();
  }

  static int restarts(ContainerStatus status) {
    return Evidence.intOf(status.getRestartCount());
  }

  static <T> Stream<T> stream(List<T> list) {
    return list == null ? Stream.empty() : list.stream().filter(Objects::nonNull);
  }

  private static <T> void addAll(List<T> into, List<T> from) {
    stream(from).forEach(into::add);
  }
}
