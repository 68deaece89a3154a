package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Deployment, StatefulSet or DaemonSet reduced to what answers need.
 *
 * @param kind {@code Deployment}, {@code StatefulSet} or {@code DaemonSet}
 * @param desired replicas wanted (scheduled pods wanted for a DaemonSet)
 * @param failing reasons of conditions that are False, e.g. {@code ProgressDeadlineExceeded}
 */
public record Workload(
    String kind,
    String namespace,
    String name,
    int desired,
    int ready,
    int upToDate,
    int available,
    LabelSelector selector,
    List<String> images,
    String created,
    List<String> failing) {
  public Workload {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    images = List.copyOf(images);
    failing = List.copyOf(failing);
  }

  /** {@code deployment staging/checkout}: how answers name the workload. */
  public String ref() {
    return kind.toLowerCase(Locale.ROOT) + " " + namespace + "/" + name;
  }

  public boolean healthy() {
    return ready >= desired && failing.isEmpty();
  }

  public boolean scalable() {
    return !"DaemonSet".equals(kind);
  }
}
