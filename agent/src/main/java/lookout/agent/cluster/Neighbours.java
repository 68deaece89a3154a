package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import lookout.agent.analyzers.Labels;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.Related;

/**
 * Narrows a namespace's related objects to a target's neighbours. The workloads are the target, the
 * owners of its pods and the workloads a Service/Ingress/HPA target points at; the label sets are
 * the pods' labels and those workloads' pod templates (so a workload with no pods still finds its
 * Service); from there the services selecting them, their slices, the ingresses routing to them,
 * the autoscalers scaling the workloads, the workloads' ReplicaSets and Jobs, and every quota of
 * the namespace (quotas apply namespace-wide). Pure.
 */
final class Neighbours {
  private Neighbours() {}

  static Related of(ObjectRef target, List<Pod> pods, Related all) {
    Set<String> workloads = new HashSet<>(); // "Kind/name"
    workloads.add(key(target.kind(), target.name()));
    for (Pod pod : pods) {
      owner(pod.getMetadata() == null ? null : pod.getMetadata().getOwnerReferences())
          .ifPresent(o -> workloads.add(key(o.getKind(), o.getName())));
    }
    List<Service> targetServices = new ArrayList<>();
    all.services().stream().filter(s -> is(target, "Service", s)).forEach(targetServices::add);
    if (WORKLOADS.contains(target.kind())) {
      // the workload's own Service by name ("cart" for deployment cart), even when its selector no
      // longer matches the pods (labels renamed in a chart upgrade): that is the fault to find
      all.services().stream()
          .filter(s -> ownService(target.name(), name(s)))
          .forEach(targetServices::add);
    }
    List<Ingress> targetIngresses =
        all.ingresses().stream().filter(i -> is(target, "Ingress", i)).toList();
    Set<String> backendNames = new HashSet<>();
    targetIngresses.forEach(i -> backendNames.addAll(backendServices(i)));
    all.services().stream()
        .filter(s -> backendNames.contains(name(s)))
        .forEach(targetServices::add);
    all.autoscalers().stream()
        .filter(h -> is(target, "HorizontalPodAutoscaler", h))
        .filter(h -> h.getSpec() != null && h.getSpec().getScaleTargetRef() != null)
        .forEach(
            h ->
                workloads.add(
                    key(
                        h.getSpec().getScaleTargetRef().getKind(),
                        h.getSpec().getScaleTargetRef().getName())));
    // a ReplicaSet's Deployment, a Job's CronJob: one step up the owner chain
    addOwners(workloads, "ReplicaSet", all.replicaSets());
    addOwners(workloads, "Job", all.jobs());

    List<Map<String, String>> labelSets = new ArrayList<>();
    pods.stream()
        .filter(p -> p.getMetadata() != null)
        .forEach(p -> labelSets.add(p.getMetadata().getLabels()));
    templates(all, workloads).forEach(t -> labelSets.add(t.getMetadata().getLabels()));
    // a Service target selects workloads by its selector; when it selects none, the few whose
    // labels come nearest are what it probably meant
    for (Service s : targetServices) {
      Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
      List<Templated> selected =
          workloadTemplates(all)
              .filter(w -> Labels.matches(selector, w.template().getMetadata().getLabels()))
              .toList();
      (selected.isEmpty() && selector != null ? nearest(all, selector) : selected)
          .forEach(w -> workloads.add(w.key()));
    }
    templates(all, workloads).forEach(t -> labelSets.add(t.getMetadata().getLabels()));

    List<Service> selecting =
        all.services().stream()
            .filter(s -> targetServices.contains(s) || selectsAny(s, labelSets))
            .toList();
    Set<String> serviceNames = new HashSet<>();
    selecting.forEach(s -> serviceNames.add(name(s)));
    List<Ingress> ingresses =
        all.ingresses().stream()
            .filter(i -> targetIngresses.contains(i) || routesTo(i, serviceNames))
            .toList();
    if (ingresses.isEmpty() && !serviceNames.isEmpty()) {
      // no ingress routes to the target's services: one whose backend names a service that does
      // not exist may be the route meant for them (a renamed service, an ingress left behind)
      Set<String> existing = new HashSet<>();
      all.services().forEach(s -> existing.add(name(s)));
      ingresses =
          all.ingresses().stream()
              .filter(i -> backendServices(i).stream().anyMatch(b -> !existing.contains(b)))
              .toList();
    }
    // every service a kept ingress names, so a backend naming a missing service can be told apart
    Set<String> named = new HashSet<>(serviceNames);
    ingresses.forEach(i -> named.addAll(backendServices(i)));
    List<Service> services = all.services().stream().filter(s -> named.contains(name(s))).toList();
    return new Related(
        keep(all.deployments(), "Deployment", workloads),
        all.replicaSets().stream()
            .filter(r -> workloads.contains(key("ReplicaSet", name(r))) || ownedBy(r, workloads))
            .toList(),
        keep(all.statefulSets(), "StatefulSet", workloads),
        keep(all.daemonSets(), "DaemonSet", workloads),
        all.jobs().stream()
            .filter(j -> workloads.contains(key("Job", name(j))) || ownedBy(j, workloads))
            .toList(),
        keep(all.cronJobs(), "CronJob", workloads),
        services,
        all.endpointSlices().stream()
            .filter(e -> named.contains(label(e, "kubernetes.io/service-name")))
            .toList(),
        ingresses,
        all.autoscalers().stream()
            .filter(h -> is(target, "HorizontalPodAutoscaler", h) || scales(h, workloads))
            .toList(),
        all.quotas(),
        List.of(),
        List.of(),
        List.of());
  }

  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");

  /**
   * {@code cart}, {@code cart-svc}, {@code cart-service}, {@code cart-headless} for workload cart.
   */
  static boolean ownService(String workload, String service) {
    return service.equals(workload)
        || Stream.of("-svc", "-service", "-headless", "-http", "-web")
            .anyMatch(suffix -> service.equals(workload + suffix));
  }

  /** Every service an ingress routes to, including its default backend. */
  static Set<String> backendServices(Ingress ingress) {
    Set<String> names = new HashSet<>();
    backends(ingress)
        .filter(b -> b.getService() != null && b.getService().getName() != null)
        .forEach(b -> names.add(b.getService().getName()));
    return names;
  }

  static Stream<IngressBackend> backends(Ingress ingress) {
    if (ingress.getSpec() == null) {
      return Stream.empty();
    }
    Stream<IngressBackend> rules =
        stream(ingress.getSpec().getRules())
            .map(IngressRule::getHttp)
            .filter(Objects::nonNull)
            .flatMap(h -> stream(h.getPaths()))
            .map(HTTPIngressPath::getBackend);
    return Stream.concat(Stream.ofNullable(ingress.getSpec().getDefaultBackend()), rules)
        .filter(Objects::nonNull);
  }

  private record Templated(String key, PodTemplateSpec template) {}

  private static Stream<Templated> workloadTemplates(Related all) {
    return Stream.of(
            templated(
                all.deployments(),
                "Deployment",
                d -> d.getSpec() == null ? null : d.getSpec().getTemplate()),
            templated(
                all.statefulSets(),
                "StatefulSet",
                s -> s.getSpec() == null ? null : s.getSpec().getTemplate()),
            templated(
                all.daemonSets(),
                "DaemonSet",
                d -> d.getSpec() == null ? null : d.getSpec().getTemplate()),
            templated(
                all.replicaSets(),
                "ReplicaSet",
                r -> r.getSpec() == null ? null : r.getSpec().getTemplate()),
            templated(
                all.jobs(), "Job", j -> j.getSpec() == null ? null : j.getSpec().getTemplate()))
        .flatMap(s -> s)
        .filter(t -> t.template() != null && t.template().getMetadata() != null);
  }

  private static <T extends HasMetadata> Stream<Templated> templated(
      List<T> items, String kind, Function<T, PodTemplateSpec> template) {
    return items.stream().map(i -> new Templated(key(kind, name(i)), template.apply(i)));
  }

  /** Up to three workloads whose pod labels share the most with a selector that matches none. */
  private static List<Templated> nearest(Related all, Map<String, String> selector) {
    record Scored(Templated t, int score) {}
    return workloadTemplates(all)
        .filter(t -> !t.key().startsWith("ReplicaSet/") && !t.key().startsWith("Job/"))
        .map(t -> new Scored(t, score(selector, t.template().getMetadata().getLabels())))
        .filter(s -> s.score() > 0)
        .sorted(java.util.Comparator.comparingInt(Scored::score).reversed())
        .limit(3)
        .map(Scored::t)
        .toList();
  }

  /** 4 per equal key=value, 2 per shared key, 1 per label value containing a selector value. */
  private static int score(Map<String, String> selector, Map<String, String> labels) {
    if (labels == null) {
      return 0;
    }
    int score = 0;
    for (Map.Entry<String, String> e : selector.entrySet()) {
      String have = labels.get(e.getKey());
      if (have != null) {
        score += have.equals(e.getValue()) ? 4 : 2;
      }
      if (e.getValue().length() >= 3
          && labels.values().stream().anyMatch(v -> v.contains(e.getValue()))) {
        score += 1;
      }
    }
    return score;
  }

  private static Stream<PodTemplateSpec> templates(Related all, Set<String> workloads) {
    return workloadTemplates(all).filter(t -> workloads.contains(t.key())).map(Templated::template);
  }

  private static boolean selectsAny(Service s, List<Map<String, String>> labelSets) {
    Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
    return labelSets.stream().anyMatch(l -> Labels.matches(selector, l));
  }

  private static boolean routesTo(Ingress i, Set<String> services) {
    return backendServices(i).stream().anyMatch(services::contains);
  }

  private static boolean scales(HorizontalPodAutoscaler h, Set<String> workloads) {
    return h.getSpec() != null
        && h.getSpec().getScaleTargetRef() != null
        && workloads.contains(
            key(
                h.getSpec().getScaleTargetRef().getKind(),
                h.getSpec().getScaleTargetRef().getName()));
  }

  private static <T extends HasMetadata> void addOwners(
      Set<String> workloads, String kind, List<T> items) {
    for (T item : items) {
      if (workloads.contains(key(kind, name(item)))) {
        owner(item.getMetadata() == null ? null : item.getMetadata().getOwnerReferences())
            .ifPresent(o -> workloads.add(key(o.getKind(), o.getName())));
      }
    }
  }

  private static boolean ownedBy(HasMetadata o, Set<String> workloads) {
    return owner(o.getMetadata() == null ? null : o.getMetadata().getOwnerReferences())
        .map(r -> workloads.contains(key(r.getKind(), r.getName())))
        .orElse(false);
  }

  private static java.util.Optional<OwnerReference> owner(List<OwnerReference> refs) {
    return stream(refs).filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  private static <T extends HasMetadata> List<T> keep(
      List<T> items, String kind, Set<String> workloads) {
    return items.stream().filter(i -> workloads.contains(key(kind, name(i)))).toList();
  }

  private static boolean is(ObjectRef target, String kind, HasMetadata o) {
    return target.kind().equals(kind) && target.name().equals(name(o));
  }

  private static String label(HasMetadata o, String key) {
    Map<String, String> labels = o.getMetadata() == null ? null : o.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  private static String key(String kind, String name) {
    return kind + "/" + name;
  }

  private static String name(HasMetadata o) {
    return o.getMetadata() == null ? null : o.getMetadata().getName();
  }

  private static <T> Stream<T> stream(List<T> list) {
    return list == null ? Stream.empty() : list.stream().filter(Objects::nonNull);
  }
}
