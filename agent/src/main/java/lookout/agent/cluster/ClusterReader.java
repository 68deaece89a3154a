package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lookout.agent.text.Ages;

/**
 * Reads a cluster for answers: typed objects for analysis and compact, capped text lines for people
 * and LLMs (never raw JSON). Blocking; call from a virtual thread. Cluster errors surface as
 * fabric8's {@code KubernetesClientException}.
 */
public final class ClusterReader {
  /** Events read per object before merging; the newest are kept. */
  static final int MAX_EVENTS = 200;

  /** Events of one namespace read for a diagnosis; a namespace with more is an event storm. */
  static final int MAX_NAMESPACE_EVENTS = 5_000;

  private final KubernetesClient client;
  private final Clock clock;
  private final WorkloadCatalog catalog;
  private final ClusterLogs logs;
  private final PodCache podCache;
  private final ClusterCache cache;

  public ClusterReader(KubernetesClient client) {
    this(client, Clock.systemUTC());
  }

  public ClusterReader(KubernetesClient client, Clock clock) {
    this(client, clock, null, null);
  }

  /**
   * @param podCacheOrNull where namespace-wide pod reads come from; null = paged lists from the API
   *     server every time
   */
  public ClusterReader(KubernetesClient client, Clock clock, PodCache podCacheOrNull) {
    this(client, clock, podCacheOrNull, null);
  }

  /**
   * Reads pods, Warning events, claims and nodes of whole namespaces from {@code cache}'s informers
   * (one target's objects are still read directly, fresh).
   */
  public ClusterReader(KubernetesClient client, Clock clock, ClusterCache cache) {
    this(client, clock, cache.pods(), cache);
  }

  private ClusterReader(
      KubernetesClient client, Clock clock, PodCache podCacheOrNull, ClusterCache cacheOrNull) {
    this.client = client;
    this.podCache = podCacheOrNull;
    this.cache = cacheOrNull;
    this.clock = clock;
    this.catalog = new WorkloadCatalog(client);
    this.logs = new ClusterLogs(client);
  }

  public Instant now() {
    return clock.instant();
  }

  public List<String> namespaces() {
    return client.namespaces().list().getItems().stream()
        .map(Namespace::getMetadata)
        .map(m -> m.getName())
        .sorted()
        .toList();
  }

  public boolean namespaceExists(String namespace) {
    return catalog.namespaceExists(namespace);
  }

  /** Workloads of a namespace, or of every namespace when {@code namespace} is null. */
  public List<Workload> workloads(String namespace) {
    return catalog.list(namespace);
  }

  /** Finds a workload by name; with a null namespace, searches all namespaces. */
  public WorkloadLookup find(String namespace, String name) {
    return catalog.find(namespace, name);
  }

  /** The pods the workload's selector matches, worst first. */
  public List<Pod> pods(Workload workload) {
    if (workload.selector() == null) {
      return List.of();
    }
    return sortWorstFirst(
        client
            .pods()
            .inNamespace(workload.namespace())
            .withLabelSelector(workload.selector())
            .list()
            .getItems());
  }

  /** The pods of a namespace, worst first: from the pod cache when there is one. */
  public List<Pod> pods(String namespace) {
    return sortWorstFirst(
        podCache != null
            ? podCache.pods(namespace)
            : PodCache.list(client, namespace, PodCache.MAX_LISTED));
  }

  /**
   * The pods of a namespace {@code selector} selects, worst first: picked out of the pod cache when
   * there is one, else listed with the selector.
   */
  public List<Pod> pods(String namespace, LabelSelector selector) {
    if (selector == null) {
      return List.of();
    }
    if (podCache != null) {
      return sortWorstFirst(
          podCache.pods(namespace).stream().filter(p -> Selectors.selects(selector, p)).toList());
    }
    return sortWorstFirst(
        client.pods().inNamespace(namespace).withLabelSelector(selector).list().getItems());
  }

  /**
   * The pods with a problem ({@link PodText#problem}) of one namespace or, when it is null, of
   * every namespace, by namespace (sorted), worst first within each: one pass over the pod cache,
   * the healthy pods never sorted.
   */
  public java.util.SortedMap<String, List<Pod>> problemPods(String namespaceOrNull) {
    Instant now = now();
    List<Pod> all =
        namespaceOrNull != null
            ? (podCache != null
                ? podCache.pods(namespaceOrNull)
                : PodCache.list(client, namespaceOrNull, PodCache.MAX_LISTED))
            : (podCache != null
                ? podCache.all()
                : PodCache.listAll(client, PodCache.MAX_LISTED * 4));
    java.util.SortedMap<String, List<Pod>> out = new java.util.TreeMap<>();
    for (Pod p : all) {
      if (PodText.problem(p, now)) {
        out.computeIfAbsent(p.getMetadata().getNamespace(), k -> new ArrayList<>()).add(p);
      }
    }
    out.replaceAll((ns, pods) -> sortWorstFirst(pods));
    return out;
  }

  /** The pods bound to a node, in every namespace, worst first. */
  public List<Pod> podsOnNode(String node) {
    if (podCache != null) {
      return sortWorstFirst(podCache.podsOnNode(node));
    }
    return sortWorstFirst(
        client.pods().inAnyNamespace().withField("spec.nodeName", node).list().getItems().stream()
            .filter(p -> p.getSpec() != null && node.equals(p.getSpec().getNodeName()))
            .limit(PodCache.MAX_LISTED)
            .toList());
  }

  /**
   * Every event of a namespace, in no particular order, paged, at most {@value
   * #MAX_NAMESPACE_EVENTS}: callers pick the events of the objects they look at (the mock API
   * server ignores field selectors, and one list serves every object of a diagnosis).
   */
  public List<Event> allEvents(String namespace) {
    List<Event> out = new ArrayList<>();
    String next = null;
    do {
      EventList page =
          client
              .v1()
              .events()
              .inNamespace(namespace)
              .list(new ListOptionsBuilder().withLimit(PodCache.PAGE).withContinue(next).build());
      for (Event e : page.getItems()) {
        if (out.size() >= MAX_NAMESPACE_EVENTS) {
          return out;
        }
        out.add(e);
      }
      next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (next != null && !next.isEmpty());
    return out;
  }

  KubernetesClient client() {
    return client;
  }

  /** Events about one object, newest first, selected by the API server. */
  public List<Event> events(String namespace, String kind, String name) {
    List<Event> items =
        client
            .v1()
            .events()
            .inNamespace(namespace)
            .withField("involvedObject.name", name)
            .withField("involvedObject.kind", kind)
            .list()
            .getItems();
    return items.stream().sorted(EventText.newestFirst()).limit(MAX_EVENTS).toList();
  }

  /** All events of a namespace, newest first, at most {@value #MAX_EVENTS}. */
  public List<Event> events(String namespace) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .sorted(EventText.newestFirst())
        .limit(MAX_EVENTS)
        .toList();
  }

  /** A claim, or null when it does not exist. */
  public PersistentVolumeClaim claim(String namespace, String name) {
    return client.persistentVolumeClaims().inNamespace(namespace).withName(name).get();
  }

  public List<PersistentVolumeClaim> claims(String namespace) {
    if (cache != null) {
      return cache.claims(namespace);
    }
    return client.persistentVolumeClaims().inNamespace(namespace).list().getItems();
  }

  /** The Warning events of a namespace, newest first: from the cache when there is one. */
  public List<Event> warnings(String namespace) {
    List<Event> all =
        cache != null
            ? cache.warnings(namespace)
            : events(namespace).stream().filter(e -> "Warning".equals(e.getType())).toList();
    return all.stream().sorted(EventText.newestFirst()).toList();
  }

  /**
   * The newest ReplicaSets of a Deployment (their events say when pods cannot even be created, e.g.
   * quota), at most {@code max}.
   */
  public List<String> replicaSets(Workload workload, int max) {
    if (!"Deployment".equals(workload.kind()) || workload.selector() == null) {
      return List.of();
    }
    return client
        .apps()
        .replicaSets()
        .inNamespace(workload.namespace())
        .withLabelSelector(workload.selector())
        .list()
        .getItems()
        .stream()
        .sorted(
            Comparator.comparing(
                    (ReplicaSet rs) ->
                        Ages.instant(rs.getMetadata().getCreationTimestamp()).orElse(Instant.EPOCH))
                .reversed())
        .limit(max)
        .map(rs -> rs.getMetadata().getName())
        .toList();
  }

  public List<Node> nodes() {
    return (cache != null ? cache.nodes() : client.nodes().list().getItems())
        .stream().sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList();
  }

  public ClusterLogs logs() {
    return logs;
  }

  // ---- compact text ----

  public String line(Workload workload) {
    return Workloads.line(workload, now());
  }

  /** Workload lines, unhealthy ones first, capped. */
  public List<String> workloadLines(String namespace) {
    List<String> lines =
        workloads(namespace).stream()
            .sorted(Comparator.comparing(Workload::healthy))
            .map(this::line)
            .toList();
    return Capped.lines(lines, Capped.MAX_LINES, namespace == null ? "namespace" : "name");
  }

  public List<String> podLines(List<Pod> pods) {
    Instant now = now();
    return Capped.lines(
        pods.stream().map(p -> PodText.line(p, now)).toList(), Capped.MAX_LINES, "workload name");
  }

  public List<String> eventLines(List<Event> events, int max) {
    return Capped.lines(EventText.lines(events, now()), max, "object name or a shorter window");
  }

  public List<String> nodeLines(List<Node> nodes) {
    Instant now = now();
    return Capped.lines(
        nodes.stream()
            .sorted(Comparator.comparing((Node n) -> !NodeText.problem(n)))
            .map(n -> NodeText.line(n, now))
            .toList(),
        Capped.MAX_LINES,
        "node name");
  }

  private List<Pod> sortWorstFirst(List<Pod> pods) {
    return pods.stream().sorted(PodText.worstFirst(now())).toList();
  }
}
