package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import lookout.agent.text.Ages;

/**
 * A pod as one line, the way kubectl summarizes it: {@code checkout-7d9f-x2 CrashLoopBackOff
 * ready=0/1 restarts=7 last=Error(1) 4m ago age=2h node=node-1}.
 */
public final class PodText {
  private static final java.time.Duration RECENT = java.time.Duration.ofHours(1);

  private PodText() {}

  public static String line(Pod pod, Instant now) {
    StringBuilder sb = new StringBuilder();
    sb.append(pod.getMetadata().getName()).append(' ').append(status(pod));
    sb.append(" ready=")
        .append(readyCount(pod))
        .append('/')
        .append(statuses(pod).size() == 0 ? containerCount(pod) : statuses(pod).size());
    sb.append(" restarts=").append(restarts(pod));
    lastTermination(pod)
        .ifPresent(
            t ->
                sb.append(" last=")
                    .append(t.getReason() == null ? "Exit" : t.getReason())
                    .append('(')
                    .append(t.getExitCode())
                    .append(')')
                    .append(
                        t.getFinishedAt() == null
                            ? ""
                            : " " + Ages.age(t.getFinishedAt(), now) + " ago"));
    sb.append(" age=").append(Ages.age(pod.getMetadata().getCreationTimestamp(), now));
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    sb.append(" node=").append(node == null || node.isBlank() ? "<none>" : node);
    return Capped.line(sb.toString());
  }

  /** kubectl's STATUS column: the waiting/terminated reason of a container, else the phase. */
  public static String status(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return "Terminating";
    }
    if (pod.getStatus() == null) {
      return "Unknown";
    }
    String reason =
        pod.getStatus().getReason() != null
            ? pod.getStatus().getReason()
            : pod.getStatus().getPhase() == null ? "Unknown" : pod.getStatus().getPhase();
    String init = initStatus(pod);
    if (init != null) {
      return init;
    }
    List<ContainerStatus> statuses = statuses(pod);
    for (int i = statuses.size() - 1; i >= 0; i--) {
      ContainerState state = statuses.get(i).getState();
      if (state == null) {
        continue;
      }
      if (state.getWaiting() != null && notBlank(state.getWaiting().getReason())) {
        reason = state.getWaiting().getReason();
      } else if (state.getTerminated() != null) {
        ContainerStateTerminated t = state.getTerminated();
        reason = notBlank(t.getReason()) ? t.getReason() : "ExitCode:" + t.getExitCode();
      }
    }
    if ("Pending".equals(reason) && unschedulable(pod)) {
      return "Pending(Unschedulable)";
    }
    return reason;
  }

  private static String initStatus(Pod pod) {
    List<ContainerStatus> init = pod.getStatus().getInitContainerStatuses();
    if (init == null) {
      return null;
    }
    for (int i = 0; i < init.size(); i++) {
      ContainerState state = init.get(i).getState();
      if (state == null) {
        continue;
      }
      ContainerStateTerminated t = state.getTerminated();
      if (t != null && t.getExitCode() != null && t.getExitCode() == 0) {
        continue;
      }
      if (t != null) {
        return "Init:" + (notBlank(t.getReason()) ? t.getReason() : "ExitCode:" + t.getExitCode());
      }
      if (state.getWaiting() != null
          && notBlank(state.getWaiting().getReason())
          && !"PodInitializing".equals(state.getWaiting().getReason())) {
        return "Init:" + state.getWaiting().getReason();
      }
      return "Init:" + i + "/" + init.size();
    }
    return null;
  }

  /**
   * True when the pod is neither Running and Ready nor Completed, or a container died this hour.
   */
  public static boolean problem(Pod pod, Instant now) {
    String status = status(pod);
    if ("Succeeded".equals(status) || "Completed".equals(status)) {
      return false;
    }
    if (!"Running".equals(status) || readyCount(pod) < containerCount(pod)) {
      return true;
    }
    return lastTermination(pod)
        .flatMap(t -> Ages.instant(t.getFinishedAt()))
        .filter(t -> t.isAfter(now.minus(RECENT)))
        .isPresent();
  }

  /** Problem pods first, most restarts first, then by name. */
  public static Comparator<Pod> worstFirst(Instant now) {
    return Comparator.comparing((Pod p) -> !problem(p, now))
        .thenComparing(p -> -restarts(p))
        .thenComparing(p -> p.getMetadata().getName());
  }

  public static int restarts(Pod pod) {
    return statuses(pod).stream()
        .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount())
        .sum();
  }

  static int readyCount(Pod pod) {
    return (int) statuses(pod).stream().filter(s -> Boolean.TRUE.equals(s.getReady())).count();
  }

  private static int containerCount(Pod pod) {
    return pod.getSpec() == null || pod.getSpec().getContainers() == null
        ? 0
        : pod.getSpec().getContainers().size();
  }

  static java.util.Optional<ContainerStateTerminated> lastTermination(Pod pod) {
    return statuses(pod).stream()
        .map(ContainerStatus::getLastState)
        .filter(s -> s != null && s.getTerminated() != null)
        .map(ContainerState::getTerminated)
        .max(Comparator.comparing(t -> Ages.instant(t.getFinishedAt()).orElse(Instant.EPOCH)));
  }

  static List<ContainerStatus> statuses(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
        ? List.of()
        : pod.getStatus().getContainerStatuses();
  }

  private static boolean unschedulable(Pod pod) {
    List<PodCondition> conditions = pod.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
