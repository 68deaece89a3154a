package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An HPA's metrics as "current vs target", the way kubectl get hpa shows them. */
final class HpaMetrics {
  private HpaMetrics() {}

  /** "cpu 182% of request (target 70%), memory 410Mi (target 500Mi)", or "no metrics". */
  static String text(HorizontalPodAutoscaler hpa) {
    List<String> parts = new ArrayList<>();
    List<MetricStatus> current =
        hpa.getStatus() == null
            ? List.of()
            : Pods.stream(hpa.getStatus().getCurrentMetrics()).toList();
    for (MetricSpec spec : Pods.stream(hpa.getSpec().getMetrics()).toList()) {
      String name = name(spec);
      MetricTarget target = target(spec);
      if (name == null || target == null) {
        continue;
      }
      Optional<MetricValueStatus> now =
          current.stream()
              .filter(m -> Objects.equals(name, name(m)))
              .map(HpaMetrics::value)
              .filter(Objects::nonNull)
              .findFirst();
      boolean utilization = "Utilization".equals(target.getType());
      String have =
          now.map(
                  v ->
                      utilization
                          ? percent(v.getAverageUtilization())
                          : quantity(
                              v.getAverageValue() != null ? v.getAverageValue() : v.getValue()))
              .orElse("<unknown>");
      String want =
          utilization
              ? percent(target.getAverageUtilization())
              : quantity(
                  target.getAverageValue() != null ? target.getAverageValue() : target.getValue());
      parts.add(name + " " + have + (utilization ? " of request" : "") + " (target " + want + ")");
    }
    return parts.isEmpty() ? "no metrics" : String.join(", ", parts);
  }

  private static String name(MetricSpec m) {
    if (m.getResource() != null) return m.getResource().getName();
    if (m.getContainerResource() != null) return m.getContainerResource().getName();
    if (m.getPods() != null && m.getPods().getMetric() != null)
      return m.getPods().getMetric().getName();
    if (m.getObject() != null && m.getObject().getMetric() != null)
      return m.getObject().getMetric().getName();
    if (m.getExternal() != null && m.getExternal().getMetric() != null)
      return m.getExternal().getMetric().getName();
    return null;
  }

  private static String name(MetricStatus m) {
    if (m.getResource() != null) return m.getResource().getName();
    if (m.getContainerResource() != null) return m.getContainerResource().getName();
    if (m.getPods() != null && m.getPods().getMetric() != null)
      return m.getPods().getMetric().getName();
    if (m.getObject() != null && m.getObject().getMetric() != null)
      return m.getObject().getMetric().getName();
    if (m.getExternal() != null && m.getExternal().getMetric() != null)
      return m.getExternal().getMetric().getName();
    return null;
  }

  private static MetricTarget target(MetricSpec m) {
    if (m.getResource() != null) return m.getResource().getTarget();
    if (m.getContainerResource() != null) return m.getContainerResource().getTarget();
    if (m.getPods() != null) return m.getPods().getTarget();
    if (m.getObject() != null) return m.getObject().getTarget();
    if (m.getExternal() != null) return m.getExternal().getTarget();
    return null;
  }

  private static MetricValueStatus value(MetricStatus m) {
    if (m.getResource() != null) return m.getResource().getCurrent();
    if (m.getContainerResource() != null) return m.getContainerResource().getCurrent();
    if (m.getPods() != null) return m.getPods().getCurrent();
    if (m.getObject() != null) return m.getObject().getCurrent();
    if (m.getExternal() != null) return m.getExternal().getCurrent();
    return null;
  }

  private static String percent(Integer p) {
    return p == null ? "<unknown>" : p + "%";
  }

  private static String quantity(Quantity q) {
    return q == null ? "<unknown>" : Quantities.text(q);
  }
}
