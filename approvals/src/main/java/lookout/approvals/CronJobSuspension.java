package lookout.approvals;

import java.util.Objects;

/** Suspend a CronJob (no new runs start) or resume it ({@code spec.suspend}). */
public record CronJobSuspension(String cluster, String namespace, String name, boolean suspend)
    implements Operation {
  static final String SUSPEND = "suspend";
  static final String RESUME = "resume";

  public CronJobSuspension {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String kind() {
    return suspend ? SUSPEND : RESUME;
  }

  @Override
  public String describe() {
    return kind() + " cronjob " + namespace + "/" + name;
  }
}
