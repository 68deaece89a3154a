package lookout.approvals;

import java.util.Objects;

/** Delete one pod so its controller creates a fresh one (a wedged pod among healthy ones). */
public record DeletePod(String cluster, String namespace, String name) implements Operation {
  static final String KIND = "delete-pod";

  public DeletePod {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describe() {
    return "delete pod " + namespace + "/" + name;
  }
}
