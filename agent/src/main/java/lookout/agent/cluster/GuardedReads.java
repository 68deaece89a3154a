package lookout.agent.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import lookout.agent.analyzers.ReadGap;

/**
 * Runs reads of one gathering so that a kind the API server forbids (403), does not serve (404 on a
 * list) or fails to answer becomes a {@link ReadGap} instead of failing the whole diagnosis.
 * Thread-safe: reads may run on several virtual threads at once.
 */
final class GuardedReads {
  private final List<ReadGap> gaps = Collections.synchronizedList(new ArrayList<>());

  /** The items, or an empty list and a gap when the list could not be read. */
  <T> List<T> list(ApiResource resource, String namespace, Supplier<List<T>> call) {
    try {
      List<T> items = call.get();
      return items == null ? List.of() : items;
    } catch (KubernetesClientException e) {
      gaps.add(gap("list", resource, namespace, e, true));
      return List.of();
    }
  }

  /** The object, or null when it does not exist (404) or could not be read (a gap). */
  <T> T get(ApiResource resource, String namespace, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        gaps.add(gap("get", resource, namespace, e, false));
      }
      return null;
    }
  }

  List<ReadGap> gaps() {
    synchronized (gaps) {
      return List.copyOf(gaps);
    }
  }

  private static ReadGap gap(
      String verb,
      ApiResource resource,
      String namespace,
      KubernetesClientException e,
      boolean listing) {
    ReadGap.Reason reason =
        e.getCode() == 403
            ? ReadGap.Reason.FORBIDDEN
            : e.getCode() == 404 && listing ? ReadGap.Reason.NOT_SERVED : ReadGap.Reason.FAILED;
    String detail =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : String.valueOf(e.getMessage());
    return new ReadGap(verb, resource.resource(), resource.group(), namespace, reason, detail);
  }
}
