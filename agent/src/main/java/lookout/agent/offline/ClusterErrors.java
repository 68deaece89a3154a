package lookout.agent.offline;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Cluster failures in words a person on call can act on, naming the cluster. */
public final class ClusterErrors {
  private ClusterErrors() {}

  public static String describe(String cluster, RuntimeException e) {
    if (e instanceof KubernetesClientException k) {
      int code = k.getCode();
      String detail =
          k.getStatus() != null && k.getStatus().getMessage() != null
              ? k.getStatus().getMessage()
              : rootMessage(k);
      if (code == 401) {
        return "cluster " + cluster + " did not accept Lookout's credentials: " + detail;
      }
      if (code == 403) {
        return "cluster " + cluster + " does not allow Lookout to read this: " + detail;
      }
      if (code >= 400) {
        return "cluster " + cluster + " answered " + code + ": " + detail;
      }
      return "could not reach cluster " + cluster + ": " + detail;
    }
    return "could not answer from cluster " + cluster + ": " + rootMessage(e);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return t == e ? message : message + " (" + t.getClass().getSimpleName() + ")";
  }
}
