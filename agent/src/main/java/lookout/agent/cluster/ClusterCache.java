package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * The informer caches of one cluster that cluster-wide questions read: every pod ({@link
 * PodCache}), every Warning event, every claim and every node. Each starts on its first read and
 * falls back to a direct read while it cannot answer. One per client ({@link #shared}), so the
 * offline agent, the LLM tools and the check-ups of a cluster hold one copy, not three.
 *
 * <p>Warning events only: Normal events (Scheduled, Pulled, Started…) are most of a cluster's
 * events and say nothing about what fails; a diagnosis of one target reads its namespace's events
 * of every type directly.
 */
public final class ClusterCache implements AutoCloseable {
  /** How long a first read waits for an informer's initial list. */
  public static final Duration SYNC_WAIT = Duration.ofSeconds(5);

  private static final Map<KubernetesClient, ClusterCache> SHARED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final KubernetesClient client;
  private final PodCache pods;
  private final Informed<Event> warnings;
  private final Informed<PersistentVolumeClaim> claims;
  private final Informed<Node> nodes;

  public ClusterCache(KubernetesClient client, Duration syncWait) {
    this.client = Objects.requireNonNull(client, "client");
    this.pods = new PodCache(client, syncWait);
    this.warnings =
        new Informed<>(
            "warning event",
            () ->
                client
                    .v1()
                    .events()
                    .inAnyNamespace()
                    .withField("type", "Warning")
                    .withLimit(PodCache.PAGE)
                    .runnableInformer(0),
            Map.of(),
            syncWait);
    this.claims =
        new Informed<>(
            "claim",
            () -> client.persistentVolumeClaims().inAnyNamespace().runnableInformer(0),
            Map.of(),
            syncWait);
    this.nodes =
        new Informed<>("node", () -> client.nodes().runnableInformer(0), Map.of(), syncWait);
  }

  /** The cache of {@code client}, created on first use and shared by every caller. */
  public static ClusterCache shared(KubernetesClient client) {
    return SHARED.computeIfAbsent(client, c -> new ClusterCache(c, SYNC_WAIT));
  }

  public PodCache pods() {
    return pods;
  }

  /** The Warning events of a namespace (servers that ignore field selectors: filtered here). */
  public List<Event> warnings(String namespace) {
    return warnings
        .inNamespace(namespace)
        .orElseGet(
            () ->
                client
                    .v1()
                    .events()
                    .inNamespace(namespace)
                    .withField("type", "Warning")
                    .list()
                    .getItems())
        .stream()
        .filter(e -> "Warning".equals(e.getType()))
        .toList();
  }

  public List<PersistentVolumeClaim> claims(String namespace) {
    return claims
        .inNamespace(namespace)
        .orElseGet(() -> client.persistentVolumeClaims().inNamespace(namespace).list().getItems());
  }

  public List<Node> nodes() {
    return nodes.all().orElseGet(() -> client.nodes().list().getItems());
  }

  /** "pods synced, warning events synced, claims synced, nodes not synced": for logs. */
  public String state() {
    return "pods "
        + (pods.synced() ? "synced" : "not synced")
        + ", warning events "
        + (warnings.synced() ? "synced" : "not synced")
        + ", claims "
        + (claims.synced() ? "synced" : "not synced")
        + ", nodes "
        + (nodes.synced() ? "synced" : "not synced");
  }

  @Override
  public void close() {
    SHARED.remove(client);
    pods.close();
    warnings.close();
    claims.close();
    nodes.close();
  }
}
