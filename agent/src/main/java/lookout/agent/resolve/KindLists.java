package lookout.agent.resolve;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import lookout.agent.analyzers.ObjectRef;

/**
 * One paged list per kind a question can name (all namespaces, at most {@value #MAX_PER_KIND}
 * objects each), all kinds at once on virtual threads. A kind the cluster refuses is left out and
 * named with why; when no kind at all can be read the first failure is thrown (the cluster is down
 * or refuses Lookout altogether).
 */
final class KindLists {
  static final int MAX_PER_KIND = 5_000;
  static final long PAGE = 500;

  /** What one read found: the objects, the kinds read, the kinds that could not be read. */
  record Listed(
      List<Inventory.Entry> entries, List<String> kinds, Map<String, String> unreadable) {}

  private KindLists() {}

  static Listed read(KubernetesClient client) {
    Map<String, Function<KubernetesClient, List<Inventory.Entry>>> kinds = new LinkedHashMap<>();
    kinds.put("Namespace", c -> entries(page(o -> c.namespaces().list(o)), "Namespace", h -> null));
    kinds.put("Node", c -> entries(page(o -> c.nodes().list(o)), "Node", Trouble::of, Aliases::of));
    kinds.put(
        "Deployment",
        c ->
            entries(
                page(o -> c.apps().deployments().inAnyNamespace().list(o)),
                "Deployment",
                Trouble::of,
                d -> List.of(),
                d -> Runs.of(d, d.getSpec() == null ? null : d.getSpec().getTemplate())));
    kinds.put(
        "StatefulSet",
        c ->
            entries(
                page(o -> c.apps().statefulSets().inAnyNamespace().list(o)),
                "StatefulSet",
                Trouble::of,
                s -> List.of(),
                s -> Runs.of(s, s.getSpec() == null ? null : s.getSpec().getTemplate())));
    kinds.put(
        "DaemonSet",
        c ->
            entries(
                page(o -> c.apps().daemonSets().inAnyNamespace().list(o)),
                "DaemonSet",
                Trouble::of,
                d -> List.of(),
                d -> Runs.of(d, d.getSpec() == null ? null : d.getSpec().getTemplate())));
    kinds.put(
        "Service",
        c ->
            entries(
                page(o -> c.services().inAnyNamespace().list(o)),
                "Service",
                h -> null,
                Aliases::of));
    kinds.put(
        "Job",
        c ->
            entries(
                page(o -> c.batch().v1().jobs().inAnyNamespace().list(o)),
                "Job",
                Trouble::of,
                j -> List.of(),
                j -> Runs.of(j, j.getSpec() == null ? null : j.getSpec().getTemplate())));
    kinds.put(
        "CronJob",
        c ->
            entries(
                page(o -> c.batch().v1().cronjobs().inAnyNamespace().list(o)),
                "CronJob",
                h -> null,
                j -> List.of(),
                j ->
                    Runs.of(
                        j,
                        j.getSpec() == null
                                || j.getSpec().getJobTemplate() == null
                                || j.getSpec().getJobTemplate().getSpec() == null
                            ? null
                            : j.getSpec().getJobTemplate().getSpec().getTemplate())));
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
                h -> null,
                Aliases::of));

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
    if (first != null && unreadable.size() == kinds.size()) {
      throw first;
    }
    List<String> read = kinds.keySet().stream().filter(k -> !unreadable.containsKey(k)).toList();
    return new Listed(entries, read, unreadable);
  }

  static <T extends HasMetadata> List<T> page(
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

  static <T extends HasMetadata> List<Inventory.Entry> entries(
      List<T> items, String kind, Function<T, String> trouble) {
    return entries(items, kind, trouble, t -> List.of());
  }

  static <T extends HasMetadata> List<Inventory.Entry> entries(
      List<T> items, String kind, Function<T, String> trouble, Function<T, List<String>> aliases) {
    return entries(items, kind, trouble, aliases, t -> List.of());
  }

  static <T extends HasMetadata> List<Inventory.Entry> entries(
      List<T> items,
      String kind,
      Function<T, String> trouble,
      Function<T, List<String>> aliases,
      Function<T, List<String>> runs) {
    List<Inventory.Entry> out = new ArrayList<>(items.size());
    for (T item : items) {
      var meta = item.getMetadata();
      if (meta != null && meta.getName() != null) {
        out.add(
            new Inventory.Entry(
                new ObjectRef(kind, meta.getNamespace(), meta.getName()),
                trouble.apply(item),
                aliases.apply(item),
                runs.apply(item)));
      }
    }
    return out;
  }

  static String why(Throwable cause) {
    if (cause instanceof KubernetesClientException k && k.getCode() == 403) {
      return "forbidden (Lookout's role may not list it)";
    }
    if (cause instanceof KubernetesClientException k && k.getCode() == 404) {
      return "not served by this cluster";
    }
    return cause == null ? "failed" : String.valueOf(cause.getMessage());
  }
}
