package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every pod of the cluster in a fabric8 informer cache (one paged list, then a watch), indexed by
 * namespace and by node, so namespace-wide pod reads — the problem-pods scan above all — cost an
 * index lookup instead of an API list of thousands of pods. Until the informer has synced, while
 * its watch is down, and when it cannot start (e.g. RBAC allows no cluster-wide list/watch of
 * pods), reads fall back to a direct list, paged and capped (see {@link Informed}).
 *
 * <p>Pods handed out are the cache's own objects: read them, never change them.
 */
public final class PodCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PodCache.class);

  /** Page size of direct lists and of the informer's initial list. */
  public static final long PAGE = 500;

  /** Most pods a direct list of one namespace returns; a cut list is logged. */
  public static final int MAX_LISTED = 5_000;

  private static final String NODE_INDEX = "node";

  private final KubernetesClient client;
  private final Informed<Pod> informed;

  public PodCache(KubernetesClient client, Duration syncWait) {
    this.client = Objects.requireNonNull(client, "client");
    this.informed =
        new Informed<>(
            "pod",
            () -> client.pods().inAnyNamespace().withLimit(PAGE).runnableInformer(0),
            Map.of(
                NODE_INDEX,
                pod ->
                    pod.getSpec() == null || pod.getSpec().getNodeName() == null
                        ? List.of()
                        : List.of(pod.getSpec().getNodeName())),
            syncWait);
  }

  /** The pods of one namespace, in no particular order. */
  public List<Pod> pods(String namespace) {
    return informed.inNamespace(namespace).orElseGet(() -> list(client, namespace, MAX_LISTED));
  }

  /**
   * The pods bound to one node, in every namespace: from the cache's node index, else a direct list
   * selected by {@code spec.nodeName} (and checked here, for servers that ignore field selectors).
   */
  public List<Pod> podsOnNode(String node) {
    return informed
        .byIndex(NODE_INDEX, node)
        .orElseGet(
            () ->
                client
                    .pods()
                    .inAnyNamespace()
                    .withField("spec.nodeName", node)
                    .list()
                    .getItems()
                    .stream()
                    .filter(p -> p.getSpec() != null && node.equals(p.getSpec().getNodeName()))
                    .limit(MAX_LISTED)
                    .toList());
  }

  /** Every pod of the cluster: from the cache, else one paged list of all namespaces, capped. */
  public List<Pod> all() {
    return informed.all().orElseGet(() -> listAll(client, MAX_LISTED * 4));
  }

  /** Pods of every namespace straight from the API server, paged, at most {@code cap}. */
  static List<Pod> listAll(KubernetesClient client, int cap) {
    List<Pod> out = new ArrayList<>();
    String next = null;
    do {
      PodList page =
          client
              .pods()
              .inAnyNamespace()
              .list(new ListOptionsBuilder().withLimit(PAGE).withContinue(next).build());
      for (Pod pod : page.getItems()) {
        if (out.size() >= cap) {
          LOG.warn("pods of all namespaces cut at {}; name a namespace", cap);
          return out;
        }
        out.add(pod);
      }
      next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (next != null && !next.isEmpty());
    return out;
  }

  /** True when reads are answered from the cache right now. */
  public boolean synced() {
    return informed.synced();
  }

  /**
   * Pods of a namespace straight from the API server, {@value #PAGE} per request, at most {@code
   * cap}.
   */
  public static List<Pod> list(KubernetesClient client, String namespace, int cap) {
    List<Pod> out = new ArrayList<>();
    String next = null;
    do {
      PodList page =
          client
              .pods()
              .inNamespace(namespace)
              .list(new ListOptionsBuilder().withLimit(PAGE).withContinue(next).build());
      for (Pod pod : page.getItems()) {
        if (out.size() >= cap) {
          LOG.warn("pods of namespace {} cut at {}; narrow by workload", namespace, cap);
          return out;
        }
        out.add(pod);
      }
      next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (next != null && !next.isEmpty());
    return out;
  }

  /** Stops the informer; later reads list directly. */
  @Override
  public void close() {
    informed.close();
  }
}
