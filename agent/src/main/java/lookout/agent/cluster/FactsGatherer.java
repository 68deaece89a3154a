package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.LogSource;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.Related;

/**
 * Collects the slice of a cluster the analyzers look at. For a target: what it is made of ({@link
 * GraphReader}: controllers, ReplicaSets new and old, pods), the events about any of those, the
 * claims the pods mount, the nodes they run on (every node when one is unscheduled, so the
 * scheduler's complaint can be checked against the nodes), and what {@link RelatedSource} adds
 * around them. For a namespace: everything in it, bounded.
 */
public final class FactsGatherer {
  static final int MAX_PODS = 200;
  static final int MAX_NODES = 100;

  private final String cluster;
  private final ClusterReader reader;
  private final GraphReader graphs;
  private final RelatedSource around;

  /** With {@link RelatedReader} reading what surrounds the pods. */
  public FactsGatherer(String cluster, ClusterReader reader) {
    this(cluster, reader, new RelatedReader(reader.client()));
  }

  /**
   * @param around services, autoscalers, quotas and storage around the pods (controllers are read
   *     here)
   */
  public FactsGatherer(String cluster, ClusterReader reader, RelatedSource around) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.graphs = new GraphReader(reader);
    this.around = Objects.requireNonNull(around, "around");
  }

  /** Facts about one target with what could not be read. */
  public record Gathered(ClusterFacts facts, List<String> unreadable) {
    public Gathered {
      unreadable = List.copyOf(unreadable);
    }
  }

  public Gathered gather(ObjectRef target, LogSource logs) {
    if (target.kind().equals("Namespace")) {
      return new Gathered(forNamespace(target.name(), logs), List.of());
    }
    TargetGraph graph = graphs.read(target);
    List<Pod> pods = graph.pods().stream().limit(MAX_PODS).toList();
    List<String> unreadable = new ArrayList<>(graph.unreadable());
    List<PersistentVolumeClaim> claims = claimsOf(target, pods);
    Related related =
        new RelatedSet()
            .addAll(graph.related())
            .addAll(around(target, pods, claims, unreadable))
            .build();
    Set<String> involved = involved(target, pods, related, claims);
    List<Event> events = new ArrayList<>();
    for (String ns : namespaces(target, pods)) {
      for (Event e : reader.allEvents(ns)) {
        if (involved.contains(key(e.getInvolvedObject(), ns))) {
          events.add(e);
        }
      }
    }
    events.sort(EventText.newestFirst());
    ClusterFacts facts =
        new ClusterFacts(
            cluster, target, pods, events, claims, nodesFor(target, pods), related, logs);
    return new Gathered(facts, unreadable);
  }

  /** Every Service of {@code namespace} (none when they cannot be read). */
  public List<io.fabric8.kubernetes.api.model.Service> services(String namespace) {
    return around.inNamespace(namespace).services();
  }

  public ClusterFacts forWorkload(Workload workload) {
    return forWorkload(workload, reader.logs());
  }

  public ClusterFacts forWorkload(Workload workload, LogSource logs) {
    return gather(new ObjectRef(workload.kind(), workload.namespace(), workload.name()), logs)
        .facts();
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
    List<PersistentVolumeClaim> claims = reader.claims(namespace);
    return new ClusterFacts(
        cluster,
        new ObjectRef("Namespace", null, namespace),
        pods,
        reader.events(namespace),
        claims,
        nodes,
        around.inNamespace(namespace),
        logs);
  }

  private Related around(
      ObjectRef target,
      List<Pod> pods,
      List<PersistentVolumeClaim> claims,
      List<String> unreadable) {
    try {
      return around.around(target, pods);
    } catch (RuntimeException e) {
      unreadable.add("objects around " + target + " could not be read: " + e.getMessage());
      return Related.none();
    }
  }

  /** Namespaces whose events matter: the target's, else its pods' (a node's), plus default. */
  private static Set<String> namespaces(ObjectRef target, List<Pod> pods) {
    Set<String> out = new LinkedHashSet<>();
    if (target.namespace() != null) {
      out.add(target.namespace());
    } else {
      pods.stream().limit(10).forEach(p -> out.add(p.getMetadata().getNamespace()));
      out.add("default"); // node events are recorded there
    }
    return out;
  }

  /** Keys of every object whose events belong in the facts. */
  private static Set<String> involved(
      ObjectRef target, List<Pod> pods, Related related, List<PersistentVolumeClaim> claims) {
    Set<String> keys = new HashSet<>();
    keys.add(key(target.kind(), target.namespace(), target.name()));
    pods.forEach(p -> keys.add(key(p)));
    claims.forEach(c -> keys.add(key(c)));
    for (List<? extends HasMetadata> list :
        List.of(
            related.deployments(),
            related.replicaSets(),
            related.statefulSets(),
            related.daemonSets(),
            related.jobs(),
            related.cronJobs(),
            related.services(),
            related.ingresses(),
            related.autoscalers())) {
      list.forEach(o -> keys.add(key(o)));
    }
    pods.stream()
        .map(p -> p.getSpec() == null ? null : p.getSpec().getNodeName())
        .filter(n -> n != null && !n.isBlank())
        .forEach(n -> keys.add(key("Node", null, n)));
    return keys;
  }

  private static String key(HasMetadata o) {
    return key(o.getKind(), o.getMetadata().getNamespace(), o.getMetadata().getName());
  }

  private static String key(ObjectReference ref, String eventNamespace) {
    if (ref == null) {
      return "";
    }
    String kind = ref.getKind();
    boolean clusterScoped = "Node".equals(kind) || "PersistentVolume".equals(kind);
    String ns =
        clusterScoped ? null : ref.getNamespace() == null ? eventNamespace : ref.getNamespace();
    return key(kind, ns, ref.getName());
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
  }

  private List<PersistentVolumeClaim> claimsOf(ObjectRef target, List<Pod> pods) {
    Set<String> names = new LinkedHashSet<>();
    if (target.kind().equals("PersistentVolumeClaim")) {
      names.add(target.name());
    }
    for (Pod pod : pods) {
      if (pod.getSpec() == null || pod.getSpec().getVolumes() == null) {
        continue;
      }
      for (Volume v : pod.getSpec().getVolumes()) {
        if (v.getPersistentVolumeClaim() != null) {
          names.add(
              pod.getMetadata().getNamespace() + "/" + v.getPersistentVolumeClaim().getClaimName());
        }
      }
    }
    List<PersistentVolumeClaim> out = new ArrayList<>();
    for (String n : names) {
      int slash = n.indexOf('/');
      String ns = slash < 0 ? target.namespace() : n.substring(0, slash);
      PersistentVolumeClaim c = reader.claim(ns, slash < 0 ? n : n.substring(slash + 1));
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The nodes the pods run on (all when one is unscheduled, or for a DaemonSet, which is judged
   * against every node), and the node asked about.
   */
  private List<Node> nodesFor(ObjectRef target, List<Pod> pods) {
    boolean unscheduled =
        target.kind().equals("DaemonSet")
            || pods.stream()
                .anyMatch(
                    p ->
                        "Pending".equals(p.getStatus() == null ? null : p.getStatus().getPhase())
                            && (p.getSpec() == null
                                || p.getSpec().getNodeName() == null
                                || p.getSpec().getNodeName().isBlank()));
    Set<String> used = new LinkedHashSet<>();
    pods.forEach(
        p -> {
          if (p.getSpec() != null && p.getSpec().getNodeName() != null) {
            used.add(p.getSpec().getNodeName());
          }
        });
    if (target.kind().equals("Node")) {
      used.add(target.name()); // a drained node runs no pods, and is still the question
    }
    if (used.isEmpty() && !unscheduled) {
      return List.of();
    }
    return reader.nodes().stream()
        .filter(n -> unscheduled || used.contains(n.getMetadata().getName()))
        .limit(MAX_NODES)
        .toList();
  }
}
