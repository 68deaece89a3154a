package lookout.approvals;

import java.util.Objects;

/** Rolling restart of a Deployment (the {@code kubectl.kubernetes.io/restartedAt} annotation). */
public record RestartDeployment(String cluster, String namespace, String name) implements Action {
  public RestartDeployment {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String kind() {
    return "restart";
  }

  @Override
  public String describe() {
    return "restart deployment " + namespace + "/" + name;
  }
}
