package lookout.approvals;

import java.util.Objects;

/**
 * Set the replica count of a Deployment or StatefulSet.
 *
 * @param workloadKind {@code Deployment} or {@code StatefulSet}
 */
public record ScaleWorkload(
    String cluster, String namespace, String workloadKind, String name, int replicas)
    implements Action {
  public ScaleWorkload {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(workloadKind, "workloadKind");
    Objects.requireNonNull(name, "name");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0, got " + replicas);
    }
  }

  @Override
  public String kind() {
    return "scale";
  }

  @Override
  public String describe() {
    return "scale "
        + workloadKind.toLowerCase(java.util.Locale.ROOT)
        + " "
        + namespace
        + "/"
        + name
        + " to "
        + replicas;
  }
}
