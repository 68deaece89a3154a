package lookout.approvals;

import java.util.Objects;
import java.util.Set;

/**
 * Roll a Deployment, StatefulSet or DaemonSet back to an earlier revision of its pod template (what
 * {@code kubectl rollout undo --to-revision} does).
 *
 * @param workloadKind {@code Deployment}, {@code StatefulSet} or {@code DaemonSet}
 * @param revision the revision to go back to; 0 means the newest earlier revision whose pods were
 *     healthy, chosen by the dry run
 */
public record RollbackWorkload(
    String cluster, String namespace, String workloadKind, String name, long revision)
    implements Operation {
  static final String KIND = "rollback";
  static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");

  public RollbackWorkload {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (!WORKLOADS.contains(workloadKind)) {
      throw new IllegalArgumentException(
          "cannot roll back a "
              + workloadKind
              + " — expected Deployment, StatefulSet or DaemonSet");
    }
    if (revision < 0) {
      throw new IllegalArgumentException("revision must be >= 0, got " + revision);
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describe() {
    return "roll back "
        + workloadKind.toLowerCase(java.util.Locale.ROOT)
        + " "
        + namespace
        + "/"
        + name
        + (revision == 0 ? " to its last healthy revision" : " to revision " + revision);
  }
}
