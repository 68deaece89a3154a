package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.Related;

/**
 * Reads the objects around a question's target into {@link Related}: one bounded list per kind in
 * the target's namespace (run in parallel on virtual threads), narrowed to the target's neighbours
 * by {@link Neighbours}; cluster-scoped storage only as far as the claims reference it (their
 * StorageClasses, or all classes when a claim relies on the default; their PersistentVolumes and
 * those volumes' VolumeAttachments). A kind that is forbidden or not served becomes a gap in {@link
 * Related#gaps()}; the rest is still read. Blocking; call from a virtual thread.
 */
public final class RelatedReader implements RelatedSource {
  /** Objects listed per kind and namespace; a namespace with more is cut, never paged. */
  static final int MAX_LISTED = 500;

  static final ListOptions BOUNDED = new ListOptionsBuilder().withLimit((long) MAX_LISTED).build();

  private final KubernetesClient client;
  private final ClaimStorage storage;

  public RelatedReader(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
    this.storage = new ClaimStorage(client);
  }

  @Override
  public Related around(ObjectRef target, List<Pod> pods) {
    GuardedReads reads = new GuardedReads();
    List<PersistentVolumeClaim> claims = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    if (target.kind().equals("PersistentVolumeClaim")) {
      names.add(target.name());
    }
    for (Pod p : pods) {
      if (p.getSpec() != null && p.getSpec().getVolumes() != null) {
        p.getSpec().getVolumes().stream()
            .filter(v -> v.getPersistentVolumeClaim() != null)
            .forEach(v -> names.add(v.getPersistentVolumeClaim().getClaimName()));
      }
    }
    String ns = target.namespace();
    if (ns != null) {
      for (String name : names) {
        PersistentVolumeClaim claim =
            reads.get(
                ApiResource.core("persistentvolumeclaims"),
                ns,
                () -> client.persistentVolumeClaims().inNamespace(ns).withName(name).get());
        if (claim != null) {
          claims.add(claim);
        }
      }
    }
    return forTarget(target, pods, claims, reads);
  }

  @Override
  public Related inNamespace(String namespace) {
    GuardedReads reads = new GuardedReads();
    List<PersistentVolumeClaim> claims =
        reads.list(
            ApiResource.core("persistentvolumeclaims"),
            namespace,
            () -> client.persistentVolumeClaims().inNamespace(namespace).list(BOUNDED).getItems());
    return withStorage(namespaced(namespace, reads), claims, reads);
  }

  /**
   * Everything related in one namespace (a namespace scan).
   *
   * @param claims the namespace's claims, whose storage is read
   */
  public Related forNamespace(String namespace, List<PersistentVolumeClaim> claims) {
    GuardedReads reads = new GuardedReads();
    Related all = namespaced(namespace, reads);
    return withStorage(all, claims, reads);
  }

  /**
   * The neighbours of {@code target}: its controllers, the services selecting its pods and their
   * endpoint slices and ingresses, its autoscalers, the namespace's quotas and its claims' storage.
   * A Namespace target reads the whole namespace; a Node target reads only the claims' storage.
   *
   * @param pods the target's pods as gathered (their labels and owners find the neighbours)
   * @param claims the claims those pods mount
   */
  public Related forTarget(ObjectRef target, List<Pod> pods, List<PersistentVolumeClaim> claims) {
    return forTarget(target, pods, claims, new GuardedReads());
  }

  private Related forTarget(
      ObjectRef target, List<Pod> pods, List<PersistentVolumeClaim> claims, GuardedReads reads) {
    if ("Namespace".equals(target.kind())) {
      return withStorage(namespaced(target.name(), reads), claims, reads);
    }
    Related near =
        target.namespace() == null
            ? Related.none()
            : Neighbours.of(target, pods, namespaced(target.namespace(), reads));
    return withStorage(near, claims, reads);
  }

  private Related namespaced(String ns, GuardedReads reads) {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var deployments =
          submit(
              pool,
              reads,
              ReadScope.DEPLOYMENTS,
              ns,
              () -> client.apps().deployments().inNamespace(ns).list(BOUNDED).getItems());
      var replicaSets =
          submit(
              pool,
              reads,
              ReadScope.REPLICA_SETS,
              ns,
              () -> client.apps().replicaSets().inNamespace(ns).list(BOUNDED).getItems());
      var statefulSets =
          submit(
              pool,
              reads,
              ReadScope.STATEFUL_SETS,
              ns,
              () -> client.apps().statefulSets().inNamespace(ns).list(BOUNDED).getItems());
      var daemonSets =
          submit(
              pool,
              reads,
              ReadScope.DAEMON_SETS,
              ns,
              () -> client.apps().daemonSets().inNamespace(ns).list(BOUNDED).getItems());
      var jobs =
          submit(
              pool,
              reads,
              ReadScope.JOBS,
              ns,
              () -> client.batch().v1().jobs().inNamespace(ns).list(BOUNDED).getItems());
      var cronJobs =
          submit(
              pool,
              reads,
              ReadScope.CRON_JOBS,
              ns,
              () -> client.batch().v1().cronjobs().inNamespace(ns).list(BOUNDED).getItems());
      var services =
          submit(
              pool,
              reads,
              ReadScope.SERVICES,
              ns,
              () -> client.services().inNamespace(ns).list(BOUNDED).getItems());
      var slices =
          submit(
              pool,
              reads,
              ReadScope.ENDPOINT_SLICES,
              ns,
              () ->
                  client
                      .discovery()
                      .v1()
                      .endpointSlices()
                      .inNamespace(ns)
                      .list(BOUNDED)
                      .getItems());
      var ingresses =
          submit(
              pool,
              reads,
              ReadScope.INGRESSES,
              ns,
              () -> client.network().v1().ingresses().inNamespace(ns).list(BOUNDED).getItems());
      var autoscalers =
          submit(
              pool,
              reads,
              ReadScope.AUTOSCALERS,
              ns,
              () ->
                  client
                      .autoscaling()
                      .v2()
                      .horizontalPodAutoscalers()
                      .inNamespace(ns)
                      .list(BOUNDED)
                      .getItems());
      var quotas =
          submit(
              pool,
              reads,
              ReadScope.QUOTAS,
              ns,
              () -> client.resourceQuotas().inNamespace(ns).list(BOUNDED).getItems());
      return new Related(
          done(deployments),
          done(replicaSets),
          done(statefulSets),
          done(daemonSets),
          done(jobs),
          done(cronJobs),
          done(services),
          done(slices),
          done(ingresses),
          done(autoscalers),
          done(quotas),
          List.of(),
          List.of(),
          List.of());
    }
  }

  private static <T> Future<List<T>> submit(
      ExecutorService pool,
      GuardedReads reads,
      ApiResource resource,
      String namespace,
      Supplier<List<T>> call) {
    return pool.submit(() -> reads.list(resource, namespace, call));
  }

  private static <T> List<T> done(Future<List<T>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading related objects", e);
    } catch (ExecutionException e) {
      // GuardedReads turns API errors into gaps; anything else is a bug worth surfacing
      throw new IllegalStateException("while reading related objects", e.getCause());
    }
  }

  /** Related plus the storage the claims reference, and every gap met on the way. */
  private Related withStorage(
      Related related, List<PersistentVolumeClaim> claims, GuardedReads reads) {
    return storage.add(related, claims, reads);
  }
}
