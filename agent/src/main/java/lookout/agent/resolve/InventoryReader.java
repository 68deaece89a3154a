package lookout.agent.resolve;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.cluster.PodCache;

/**
 * Reads the names a question can mention: namespaces, nodes, workloads, services, jobs, cronjobs,
 * claims, autoscalers and ingresses of every namespace, each kind one paged list (at most {@value
 * #MAX_PER_KIND} objects), all kinds at once on virtual threads. Pods come from the informer cache
 * when it has synced; otherwise only the pod names the text could be (words shaped like {@code
 * web-7d9f8c6b5d-x2k4p} or {@code db-0}) are looked up, one request each. A kind the cluster
 * refuses is left out and named, never a failure of the whole read.
 */
public final class InventoryReader {
  static final int MAX_PER_KIND = 5_000;
  static final long PAGE = 500;
  private static final int MAX_POD_LOOKUPS = 3;

  /** A generated pod name: {@code <owner>-<hash>-<5>}, {@code <owner>-<5>} or {@code <sts>-<n>}. */
  static final Pattern POD_SHAPE =
      Pattern.compile("[a-z0-9][-a-z0-9.]*-(?:[a-z0-9]{5}|[0-9]{1,4})");

  private final KubernetesClient client;
  private final PodCache pods;

  /**
   * @param podsOrNull the informer cache every pod name comes from when it has synced; null = look
   *     up only the pod names a question contains
   */
  public InventoryReader(KubernetesClient client, PodCache podsOrNull) {
    this.client = client;
    this.pods = podsOrNull;
  }

  /**
   * Everything a question could name, plus the pods {@code text} (the question, normalized) could
   * be naming.
   */
  public Inventory read(String text) {
    List<String> words = Mentions.words(text).stream().map(Mentions.Word::text).toList();
    Map<String, Function<KubernetesClient, List<Inventory.Entry>>> kinds = new LinkedHashMap<>();
    kinds.put("Namespace", c -> entries(page(o -> c.namespaces().list(o)), "Namespace", h -> null));
    kinds.put("Node", c -> entries(page(o -> c.nodes().list(o)), "Node", Trouble::of));
    kinds.put(
        "Deployment",
        c ->
            entries(
                page(o -> c.apps().deployments().inAnyNamespace().list(o)),
                "Deployment",
                Trouble::of));
    kinds.put(
        "StatefulSet",
        c ->
            entries(
                page(o -> c.apps().statefulSets().inAnyNamespace().list(o)),
                "StatefulSet",
                Trouble::of));
    kinds.put(
        "DaemonSet",
        c ->
            entries(
                page(o -> c.apps().daemonSets().inAnyNamespace().list(o)),
                "DaemonSet",
                Trouble::of));
    kinds.put(
        "Service",
        c -> entries(page(o -> c.services().inAnyNamespace().list(o)), "Service", h -> null));
    kinds.put(
        "Job",
        c ->
            entries(page(o -> c.batch().v1().jobs().inAnyNamespace().list(o)), "Job", Trouble::of));
    kinds.put(
        "CronJob",
        c ->
            entries(
                page(o -> c.batch().v1().cronjobs().inAnyNamespace().list(o)),
                "CronJob",
                h -> null));
    kinds.put(
        "PersistentVolumeClaim",
        c ->
            entries(
                page(o -> c.persistentVolumeClaims().inAnyNamespace().list(o)),
                "PersistentVolumeClaim",
                Trouble::of));
    kinds.put(
        "HorizontalPodAutoscaler",
        c ->
            entries(
                page(o -> c.autoscaling().v2().horizontalPodAutoscalers().inAnyNamespace().list(o)),
                "HorizontalPodAutoscaler",
                h -> null));
    kinds.put(
        "Ingress",
        c ->
            entries(
                page(o -> c.network().v1().ingresses().inAnyNamespace().list(o)),
                "Ingress",
                h -> null));
    kinds.put("Pod", c -> pods(words));

    List<Inventory.Entry> entries = new ArrayList<>();
    Map<String, String> unreadable = new LinkedHashMap<>();
    RuntimeException first = null;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Map<String, Future<List<Inventory.Entry>>> running = new LinkedHashMap<>();
      kinds.forEach((kind, read) -> running.put(kind, threads.submit(() -> read.apply(client))));
      for (var e : running.entrySet()) {
        try {
          entries.addAll(e.getValue().get());
        } catch (ExecutionException ex) {
          unreadable.put(e.getKey(), why(ex.getCause()));
          if (first == null && ex.getCause() instanceof RuntimeException r) {
            first = r;
          }
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          unreadable.put(e.getKey(), "interrupted");
        }
      }
    }
    if (first != null
        && kinds.keySet().stream()
            .filter(k -> !k.equals("Pod"))
            .allMatch(unreadable::containsKey)) {
      throw first; // nothing could be read: the cluster is down or refuses Lookout altogether
    }
    TreeSet<String> namespaces = new TreeSet<>();
    for (Inventory.Entry e : entries) {
      if (e.ref().kind().equals("Namespace")) {
        namespaces.add(e.ref().name());
      } else if (e.ref().namespace() != null) {
        namespaces.add(
            e.ref().namespace()); // namespaces may be unreadable while their objects are not
      }
    }
    List<String> searched =
        kinds.keySet().stream().filter(k -> !unreadable.containsKey(k)).toList();
    return new Inventory(entries, List.copyOf(namespaces), searched, unreadable);
  }

  private List<Inventory.Entry> pods(List<String> words) {
    Optional<List<Pod>> cached = pods == null ? Optional.empty() : pods.everyPodIfCached();
    return entries(cached.orElseGet(() -> lookUp(words)), "Pod", Trouble::of);
  }

  /** The pods named exactly like one of {@code words}, in any namespace, a few lookups at most. */
  private List<Pod> lookUp(List<String> words) {
    List<Pod> found = new ArrayList<>();
    words.stream()
        .filter(w -> POD_SHAPE.matcher(w).matches())
        .distinct()
        .limit(MAX_POD_LOOKUPS)
        .forEach(
            word ->
                client
                    .pods()
                    .inAnyNamespace()
                    .withField("metadata.name", word)
                    .list()
                    .getItems()
                    .stream()
                    .filter(p -> word.equals(p.getMetadata().getName())) // servers may ignore it
                    .forEach(found::add));
    return found;
  }

  private static <T extends HasMetadata> List<T> page(
      Function<ListOptions, ? extends KubernetesResourceList<T>> list) {
    List<T> out = new ArrayList<>();
    String next = null;
    do {
      var page = list.apply(new ListOptionsBuilder().withLimit(PAGE).withContinue(next).build());
      for (T item : page.getItems()) {
        if (out.size() >= MAX_PER_KIND) {
          return out;
        }
        out.add(item);
      }
      next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (next != null && !next.isEmpty());
    return out;
  }

  private static <T extends HasMetadata> List<Inventory.Entry> entries(
      List<T> items, String kind, Function<T, String> trouble) {
    List<Inventory.Entry> out = new ArrayList<>(items.size());
    for (T item : items) {
      var meta = item.getMetadata();
      if (meta != null && meta.getName() != null) {
        out.add(
            new Inventory.Entry(
                new ObjectRef(kind, meta.getNamespace(), meta.getName()), trouble.apply(item)));
      }
    }
    return out;
  }

  private static String why(Throwable cause) {
    if (cause instanceof KubernetesClientException k && k.getCode() == 403) {
      return "forbidden (Lookout's role may not list it)";
    }
    if (cause instanceof KubernetesClientException k && k.getCode() == 404) {
      return "not served by this cluster";
    }
    return cause == null ? "failed" : String.valueOf(cause.getMessage());
  }
}
