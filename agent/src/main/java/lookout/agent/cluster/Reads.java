package lookout.agent.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.function.Supplier;

/** A read that may be forbidden: RBAC denying one kind costs a note, not the whole answer. */
final class Reads {
  private Reads() {}

  /**
   * The read's result, or null when the API server answered 403 (then {@code notes} gets a line
   * naming the permission). Other failures propagate: a cluster that is down is not a gap.
   */
  static <T> T orNull(Supplier<T> read, String resource, String namespace, List<String> notes) {
    try {
      return read.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw e;
      }
      String line =
          "cannot read "
              + resource
              + (namespace == null ? "" : " in namespace " + namespace)
              + ": forbidden — Lookout's service account needs get/list on "
              + resource;
      if (!notes.contains(line)) {
        notes.add(line);
      }
      return null;
    }
  }
}
