package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Lists and finds workloads by name across Deployments, StatefulSets and DaemonSets. */
final class WorkloadCatalog {
  private static final int MAX_SIMILAR = 5;

  private final KubernetesClient client;

  WorkloadCatalog(KubernetesClient client) {
    this.client = client;
  }

  /**
   * All workloads of a namespace, or of all namespaces when it is null, sorted by namespace/name.
   */
  List<Workload> list(String namespace) {
    var apps = client.apps();
    List<Workload> all = new ArrayList<>();
    if (namespace == null) {
      apps.deployments().inAnyNamespace().list().getItems().forEach(d -> all.add(Workloads.of(d)));
      apps.statefulSets().inAnyNamespace().list().getItems().forEach(s -> all.add(Workloads.of(s)));
      apps.daemonSets().inAnyNamespace().list().getItems().forEach(d -> all.add(Workloads.of(d)));
    } else {
      apps.deployments()
          .inNamespace(namespace)
          .list()
          .getItems()
          .forEach(d -> all.add(Workloads.of(d)));
      apps.statefulSets()
          .inNamespace(namespace)
          .list()
          .getItems()
          .forEach(s -> all.add(Workloads.of(s)));
      apps.daemonSets()
          .inNamespace(namespace)
          .list()
          .getItems()
          .forEach(d -> all.add(Workloads.of(d)));
    }
    all.sort(
        Comparator.comparing(Workload::namespace)
            .thenComparing(Workload::name)
            .thenComparing(Workload::kind));
    return all;
  }

  WorkloadLookup find(String namespace, String name) {
    List<Workload> matches =
        namespace == null
            ? list(null).stream().filter(w -> w.name().equals(name)).toList()
            : get(namespace, name);
    if (matches.size() == 1) {
      return new WorkloadLookup.Found(matches.get(0));
    }
    if (matches.size() > 1) {
      return new WorkloadLookup.Ambiguous(name, matches);
    }
    boolean nsExists = namespace == null || namespaceExists(namespace);
    List<Workload> everywhere = list(null);
    List<String> names = everywhere.stream().map(Workload::name).distinct().toList();
    List<String> close = Similar.to(name, names, MAX_SIMILAR);
    List<String> similar =
        everywhere.stream()
            .filter(w -> close.contains(w.name()))
            .sorted(Comparator.comparingInt((Workload w) -> close.indexOf(w.name())))
            .map(w -> w.namespace() + "/" + w.name())
            .limit(MAX_SIMILAR)
            .toList();
    return new WorkloadLookup.NotFound(namespace, name, nsExists, similar);
  }

  /** The workloads named {@code name} in one namespace (usually zero or one). */
  List<Workload> get(String namespace, String name) {
    var apps = client.apps();
    Deployment d = apps.deployments().inNamespace(namespace).withName(name).get();
    StatefulSet s = apps.statefulSets().inNamespace(namespace).withName(name).get();
    DaemonSet ds = apps.daemonSets().inNamespace(namespace).withName(name).get();
    return Stream.of(
            d == null ? null : Workloads.of(d),
            s == null ? null : Workloads.of(s),
            ds == null ? null : Workloads.of(ds))
        .filter(Objects::nonNull)
        .toList();
  }

  boolean namespaceExists(String namespace) {
    try {
      return client.namespaces().withName(namespace).get() != null;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return true; // not allowed to read namespaces: assume it exists, reads will tell
      }
      throw e;
    }
  }
}
