package lookout.agent.resolve;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Set;

/**
 * What is visibly wrong with an object, in a few words, from its own status only: enough to list
 * what needs attention when a question names nothing. The diagnosis finds the why.
 */
final class Trouble {
  private static final Set<String> BAD_WAITING =
      Set.of(
          "CrashLoopBackOff",
          "ImagePullBackOff",
          "ErrImagePull",
          "CreateContainerConfigError",
          "CreateContainerError",
          "InvalidImageName",
          "RunContainerError");

  private Trouble() {}

  static String of(Deployment d) {
    int desired = n(d.getSpec() == null ? null : d.getSpec().getReplicas(), 1);
    var s = d.getStatus();
    int ready = s == null ? 0 : n(s.getReadyReplicas(), 0);
    String stuck =
        s == null || s.getConditions() == null
            ? null
            : s.getConditions().stream()
                .filter(c -> "False".equals(c.getStatus()) && c.getReason() != null)
                .map(c -> c.getReason())
                .findFirst()
                .orElse(null);
    return replicas(ready, desired, stuck);
  }

  static String of(StatefulSet st) {
    int desired = n(st.getSpec() == null ? null : st.getSpec().getReplicas(), 1);
    return replicas(
        st.getStatus() == null ? 0 : n(st.getStatus().getReadyReplicas(), 0), desired, null);
  }

  static String of(DaemonSet ds) {
    var s = ds.getStatus();
    return s == null
        ? null
        : replicas(n(s.getNumberReady(), 0), n(s.getDesiredNumberScheduled(), 0), null);
  }

  static String of(Job job) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return null;
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()))
        .map(c -> "failed" + (c.getReason() == null ? "" : ": " + c.getReason()))
        .findFirst()
        .orElse(null);
  }

  static String of(PersistentVolumeClaim pvc) {
    String phase = pvc.getStatus() == null ? null : pvc.getStatus().getPhase();
    return phase == null || phase.equals("Bound") ? null : phase;
  }

  /** Conditions that are bad when True; Ready is the one that is bad when not True. */
  private static final List<String> NODE_PRESSURES =
      List.of("MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable");

  static String of(Node node) {
    List<String> wrong = new java.util.ArrayList<>();
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      wrong.add("cordoned");
    }
    if (node.getStatus() != null && node.getStatus().getConditions() != null) {
      for (var c : node.getStatus().getConditions()) {
        if ("Ready".equals(c.getType()) && !"True".equals(c.getStatus())) {
          wrong.add("Unknown".equals(c.getStatus()) ? "NotReady (Unknown)" : "NotReady");
        } else if (NODE_PRESSURES.contains(c.getType()) && "True".equals(c.getStatus())) {
          wrong.add(c.getType()); // a Ready node that evicts pods or refuses new ones
        }
      }
    }
    return wrong.isEmpty() ? null : String.join(", ", wrong);
  }

  static String of(Pod pod) {
    var s = pod.getStatus();
    if (s == null) {
      return null;
    }
    if ("Failed".equals(s.getPhase())) {
      return s.getReason() == null ? "Failed" : s.getReason();
    }
    List<ContainerStatus> containers =
        s.getContainerStatuses() == null ? List.of() : s.getContainerStatuses();
    for (ContainerStatus c : containers) {
      if (c.getState() != null
          && c.getState().getWaiting() != null
          && BAD_WAITING.contains(c.getState().getWaiting().getReason())) {
        return c.getState().getWaiting().getReason();
      }
    }
    return "Pending".equals(s.getPhase()) ? "Pending" : null;
  }

  private static String replicas(int ready, int desired, String stuck) {
    if (desired > 0 && ready < desired) {
      return ready + "/" + desired + " ready" + (stuck == null ? "" : ", " + stuck);
    }
    return stuck;
  }

  private static int n(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
