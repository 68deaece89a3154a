package lookout.agent.cluster;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which cluster to talk to and how. A real cluster is used only when a target names it.
 *
 * @param name how answers and actions name the cluster, e.g. {@code prod-eu}
 * @param kubeconfigPath the kubeconfig file (KUBECONFIG mode only)
 * @param context the kubeconfig context, or null for the file's current context (KUBECONFIG mode)
 */
public record ClusterTarget(String name, Mode mode, Path kubeconfigPath, String context) {
  public enum Mode {
    /** The built-in sandbox cluster (no real cluster involved). */
    SANDBOX,
    /** A named kubeconfig file and context. */
    KUBECONFIG,
    /** The service account of the pod Lookout runs in. */
    IN_CLUSTER
  }

  public ClusterTarget {
    Objects.requireNonNull(mode, "mode");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("cluster name must not be blank");
    }
    if (mode == Mode.KUBECONFIG && kubeconfigPath == null) {
      throw new IllegalArgumentException(
          "cluster " + name + ": mode KUBECONFIG needs a kubeconfig path");
    }
  }

  public static ClusterTarget sandbox(String name) {
    return new ClusterTarget(name, Mode.SANDBOX, null, null);
  }

  public static ClusterTarget kubeconfig(String name, Path file, String context) {
    return new ClusterTarget(name, Mode.KUBECONFIG, file, context);
  }

  public static ClusterTarget inCluster(String name) {
    return new ClusterTarget(name, Mode.IN_CLUSTER, null, null);
  }
}
