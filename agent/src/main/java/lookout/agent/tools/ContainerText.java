package lookout.agent.tools;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line per container of a pod: image, requests/limits, state, last termination (reason, exit
 * code), probes, and env var NAMES (values never: they are where secrets live).
 */
final class ContainerText {
  private ContainerText() {}

  static List<String> lines(Pod pod) {
    List<String> out = new ArrayList<>();
    if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
      return out;
    }
    List<ContainerStatus> statuses =
        pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
            ? List.of()
            : pod.getStatus().getContainerStatuses();
    for (Container c : pod.getSpec().getContainers()) {
      StringBuilder sb = new StringBuilder("container ").append(c.getName());
      sb.append(" image=").append(c.getImage());
      resources(sb, c.getResources());
      statuses.stream()
          .filter(s -> c.getName().equals(s.getName()))
          .findFirst()
          .ifPresent(s -> status(sb, s));
      probe(sb, "liveness", c.getLivenessProbe());
      probe(sb, "readiness", c.getReadinessProbe());
      if (c.getEnv() != null && !c.getEnv().isEmpty()) {
        sb.append(" env=")
            .append(String.join(",", c.getEnv().stream().map(EnvVar::getName).toList()));
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static void resources(StringBuilder sb, ResourceRequirements r) {
    if (r == null) {
      return;
    }
    quantities(sb, " requests=", r.getRequests());
    quantities(sb, " limits=", r.getLimits());
  }

  private static void quantities(StringBuilder sb, String label, Map<String, Quantity> q) {
    if (q == null || q.isEmpty()) {
      return;
    }
    sb.append(label);
    q.forEach((k, v) -> sb.append(k).append(':').append(v.toString()).append(','));
    sb.setLength(sb.length() - 1);
  }

  private static void status(StringBuilder sb, ContainerStatus s) {
    sb.append(" ready=").append(Boolean.TRUE.equals(s.getReady()));
    sb.append(" restarts=").append(s.getRestartCount());
    state(sb, " state=", s.getState());
    state(sb, " last=", s.getLastState());
  }

  private static void state(StringBuilder sb, String label, ContainerState st) {
    if (st == null) {
      return;
    }
    if (st.getWaiting() != null) {
      sb.append(label).append("Waiting(").append(st.getWaiting().getReason()).append(')');
    } else if (st.getTerminated() != null) {
      var t = st.getTerminated();
      sb.append(label)
          .append("Terminated(")
          .append(t.getReason())
          .append(", exit ")
          .append(t.getExitCode())
          .append(t.getFinishedAt() == null ? "" : ", at " + t.getFinishedAt())
          .append(')');
    } else if (st.getRunning() != null) {
      sb.append(label).append("Running");
    }
  }

  private static void probe(StringBuilder sb, String kind, Probe p) {
    if (p == null) {
      return;
    }
    String how =
        p.getHttpGet() != null
            ? "http " + p.getHttpGet().getPath() + ":" + p.getHttpGet().getPort().getValue()
            : p.getTcpSocket() != null ? "tcp " + p.getTcpSocket().getPort().getValue() : "exec";
    sb.append(' ').append(kind).append('=').append(how);
    if (p.getFailureThreshold() != null) {
      sb.append(" x").append(p.getFailureThreshold());
    }
  }
}
