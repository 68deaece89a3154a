package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;
import java.util.List;
import lookout.agent.text.Ages;

/** Converts the three workload kinds into {@link Workload}s and renders them as lines. */
final class Workloads {
  private Workloads() {}

  static Workload of(Deployment d) {
    var s = d.getStatus();
    List<String> failing =
        s == null || s.getConditions() == null
            ? List.of()
            : s.getConditions().stream()
                .filter(c -> "False".equals(c.getStatus()))
                .map(DeploymentCondition::getReason)
                .filter(r -> r != null && !r.isBlank())
                .toList();
    return new Workload(
        "Deployment",
        d.getMetadata().getNamespace(),
        d.getMetadata().getName(),
        n(d.getSpec().getReplicas(), 1),
        s == null ? 0 : n(s.getReadyReplicas(), 0),
        s == null ? 0 : n(s.getUpdatedReplicas(), 0),
        s == null ? 0 : n(s.getAvailableReplicas(), 0),
        d.getSpec().getSelector(),
        images(d.getSpec().getTemplate()),
        d.getMetadata().getCreationTimestamp(),
        failing);
  }

  static Workload of(StatefulSet st) {
    var s = st.getStatus();
    return new Workload(
        "StatefulSet",
        st.getMetadata().getNamespace(),
        st.getMetadata().getName(),
        n(st.getSpec().getReplicas(), 1),
        s == null ? 0 : n(s.getReadyReplicas(), 0),
        s == null ? 0 : n(s.getUpdatedReplicas(), 0),
        s == null ? 0 : n(s.getAvailableReplicas(), 0),
        st.getSpec().getSelector(),
        images(st.getSpec().getTemplate()),
        st.getMetadata().getCreationTimestamp(),
        List.of());
  }

  static Workload of(DaemonSet ds) {
    var s = ds.getStatus();
    return new Workload(
        "DaemonSet",
        ds.getMetadata().getNamespace(),
        ds.getMetadata().getName(),
        s == null ? 0 : n(s.getDesiredNumberScheduled(), 0),
        s == null ? 0 : n(s.getNumberReady(), 0),
        s == null ? 0 : n(s.getUpdatedNumberScheduled(), 0),
        s == null ? 0 : n(s.getNumberAvailable(), 0),
        ds.getSpec().getSelector(),
        images(ds.getSpec().getTemplate()),
        ds.getMetadata().getCreationTimestamp(),
        List.of());
  }

  /**
   * {@code deployment staging/checkout ready=0/1 up-to-date=1 available=0 age=12d
   * image=registry.example.com/shop/checkout:2.8.0-rc.1 failing=ProgressDeadlineExceeded}.
   */
  static String line(Workload w, Instant now) {
    StringBuilder sb = new StringBuilder(w.ref());
    sb.append(" ready=").append(w.ready()).append('/').append(w.desired());
    sb.append(" up-to-date=").append(w.upToDate()).append(" available=").append(w.available());
    sb.append(" age=").append(Ages.age(w.created(), now));
    if (!w.images().isEmpty()) {
      sb.append(" image=").append(String.join(",", w.images()));
    }
    if (!w.failing().isEmpty()) {
      sb.append(" failing=").append(String.join(",", w.failing()));
    }
    return Capped.line(sb.toString());
  }

  private static List<String> images(PodTemplateSpec template) {
    if (template == null || template.getSpec() == null) {
      return List.of();
    }
    return template.getSpec().getContainers().stream().map(Container::getImage).toList();
  }

  private static int n(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
