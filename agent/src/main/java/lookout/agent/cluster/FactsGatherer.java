package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.LogSource;

/**
 * Collects the slice of a cluster the analyzers look at. For a workload: its pods (via the
 * selector), the events of the workload, its newest ReplicaSets, its pods (worst first) and the
 * claims they mount, and the nodes those pods run on (all nodes when a pod is unscheduled). For a
 * namespace: everything in it, bounded.
 */
public final class FactsGatherer {
  static final int MAX_PODS = 200;
  static final int MAX_PODS_WITH_EVENTS = 10;
  static final int MAX_NODES = 100;

  private final String cluster;
  private final ClusterReader reader;

  public FactsGatherer(String cluster, ClusterReader reader) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  public ClusterFacts forWorkload(Workload workload) {
    return forWorkload(workload, reader.logs());
  }

  public ClusterFacts forWorkload(Workload workload, LogSource logs) {
    String ns = workload.namespace();
    List<Pod> pods = reader.pods(workload).stream().limit(MAX_PODS).toList();
    List<PersistentVolumeClaim> claims = claimsOf(ns, pods);
    List<Event> events = new ArrayList<>(reader.events(ns, workload.kind(), workload.name()));
    for (String rs : reader.replicaSets(workload, 2)) {
      events.addAll(reader.events(ns, "ReplicaSet", rs));
    }
    pods.stream()
        .limit(MAX_PODS_WITH_EVENTS)
        .forEach(p -> events.addAll(reader.events(ns, "Pod", p.getMetadata().getName())));
    claims.forEach(
        c -> events.addAll(reader.events(ns, "PersistentVolumeClaim", c.getMetadata().getName())));
    events.sort(EventText.newestFirst());
    return new ClusterFacts(cluster, pods, events, claims, nodesFor(pods), logs);
  }

  public ClusterFacts forNamespace(String namespace) {
    return forNamespace(namespace, reader.logs());
  }

  public ClusterFacts forNamespace(String namespace, LogSource logs) {
    return forNamespace(namespace, logs, reader.nodes());
  }

  /**
   * As above with the cluster's nodes read once by the caller, so a scan of many namespaces lists
   * them once instead of once per namespace.
   */
  public ClusterFacts forNamespace(String namespace, LogSource logs, List<Node> allNodes) {
    List<Pod> pods = reader.pods(namespace).stream().limit(MAX_PODS).toList();
    List<Node> nodes = allNodes.stream().limit(MAX_NODES).toList();
    return new ClusterFacts(
        cluster, pods, reader.events(namespace), reader.claims(namespace), nodes, logs);
  }

  private List<PersistentVolumeClaim> claimsOf(String namespace, List<Pod> pods) {
    Set<String> names = new LinkedHashSet<>();
    for (Pod pod : pods) {
      if (pod.getSpec() == null || pod.getSpec().getVolumes() == null) {
        continue;
      }
      for (Volume v : pod.getSpec().getVolumes()) {
        if (v.getPersistentVolumeClaim() != null) {
          names.add(v.getPersistentVolumeClaim().getClaimName());
        }
      }
    }
    return names.stream().map(n -> reader.claim(namespace, n)).filter(Objects::nonNull).toList();
  }

  private List<Node> nodesFor(List<Pod> pods) {
    boolean unscheduled =
        pods.stream()
            .anyMatch(
                p ->
                    p.getSpec() == null
                        || p.getSpec().getNodeName() == null
                        || p.getSpec().getNodeName().isBlank());
    Set<String> used = new LinkedHashSet<>();
    pods.forEach(
        p -> {
          if (p.getSpec() != null && p.getSpec().getNodeName() != null) {
            used.add(p.getSpec().getNodeName());
          }
        });
    return reader.nodes().stream()
        .filter(n -> unscheduled || used.contains(n.getMetadata().getName()))
        .limit(MAX_NODES)
        .toList();
  }
}
