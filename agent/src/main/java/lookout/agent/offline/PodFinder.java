package lookout.agent.offline;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** Finds a pod by exact name, in one namespace or (by field selector) in all of them. */
final class PodFinder {
  private final KubernetesClient client;

  PodFinder(KubernetesClient client) {
    this.client = client;
  }

  /** The pod, or null when there is none or the name is not unique across namespaces. */
  Pod find(String namespace, String name) {
    if (namespace != null) {
      return client.pods().inNamespace(namespace).withName(name).get();
    }
    List<Pod> pods =
        client.pods().inAnyNamespace().withField("metadata.name", name).list().getItems();
    return pods.size() == 1 ? pods.get(0) : null;
  }
}
