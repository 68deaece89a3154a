package lookout.approvals;

import java.util.Objects;

/**
 * Create a new Job from a failed Job's template or a CronJob's job template (what {@code kubectl
 * create job --from=cronjob/x} does).
 *
 * @param fromKind {@code Job} or {@code CronJob}
 */
public record RerunJob(String cluster, String namespace, String fromKind, String name)
    implements Operation {
  static final String KIND = "rerun";

  public RerunJob {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (!"Job".equals(fromKind) && !"CronJob".equals(fromKind)) {
      throw new IllegalArgumentException(
          "cannot re-run a " + fromKind + " — expected Job or CronJob");
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describe() {
    return "re-run " + fromKind.toLowerCase(java.util.Locale.ROOT) + " " + namespace + "/" + name;
  }
}
