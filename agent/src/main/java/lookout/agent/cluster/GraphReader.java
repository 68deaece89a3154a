package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.text.Ages;

/**
 * Reads what a target is made of, following its real dependencies: a Deployment's ReplicaSets (new
 * and old) and their pods; a StatefulSet's, DaemonSet's or Job's pods; a CronJob's newest Jobs and
 * their pods; a pod's owners; a Service's selected pods; an HPA's scale target; an Ingress's
 * backend Services; the pods mounting a claim or bound to a node. A kind that cannot be read (RBAC)
 * leaves a note instead of failing the diagnosis.
 */
final class GraphReader {
  /** Jobs of a CronJob looked at, newest first. */
  static final int CRON_JOBS = 5;

  private final ClusterReader reader;
  private final KubernetesClient client;

  GraphReader(ClusterReader reader) {
    this.reader = reader;
    this.client = reader.client();
  }

  /** The graph of {@code target}, which exists (a vanished one yields an empty graph). */
  TargetGraph read(ObjectRef target) {
    Collector c = new Collector(target);
    String ns = target.namespace();
    switch (target.kind()) {
      case "Deployment" ->
          deployment(
              c,
              c.get(
                  () -> apps().deployments().inNamespace(ns).withName(target.name()).get(),
                  "deployments"));
      case "ReplicaSet" ->
          replicaSet(
              c,
              c.get(
                  () -> apps().replicaSets().inNamespace(ns).withName(target.name()).get(),
                  "replicasets"),
              true);
      case "StatefulSet" ->
          owned(
              c,
              c.get(
                  () -> apps().statefulSets().inNamespace(ns).withName(target.name()).get(),
                  "statefulsets"));
      case "DaemonSet" ->
          owned(
              c,
              c.get(
                  () -> apps().daemonSets().inNamespace(ns).withName(target.name()).get(),
                  "daemonsets"));
      case "Job" ->
          job(
              c,
              c.get(
                  () -> client.batch().v1().jobs().inNamespace(ns).withName(target.name()).get(),
                  "jobs"));
      case "CronJob" ->
          cronJob(
              c,
              c.get(
                  () ->
                      client.batch().v1().cronjobs().inNamespace(ns).withName(target.name()).get(),
                  "cronjobs"));
      case "Pod" ->
          pod(c, c.get(() -> client.pods().inNamespace(ns).withName(target.name()).get(), "pods"));
      case "Service" ->
          service(
              c,
              c.get(
                  () -> client.services().inNamespace(ns).withName(target.name()).get(),
                  "services"));
      case "HorizontalPodAutoscaler" ->
          autoscaler(
              c,
              c.get(
                  () ->
                      client
                          .autoscaling()
                          .v2()
                          .horizontalPodAutoscalers()
                          .inNamespace(ns)
                          .withName(target.name())
                          .get(),
                  "horizontalpodautoscalers"));
      case "Ingress" ->
          ingress(
              c,
              c.get(
                  () ->
                      client
                          .network()
                          .v1()
                          .ingresses()
                          .inNamespace(ns)
                          .withName(target.name())
                          .get(),
                  "ingresses"));
      case "PersistentVolumeClaim" ->
          c.pods(
              c.list(() -> reader.pods(ns), "pods").stream()
                  .filter(p -> mounts(p, target.name()))
                  .toList());
      case "Node" -> c.pods(c.list(() -> reader.podsOnNode(target.name()), "pods"));
      default -> {} // kinds without pods of their own (ConfigMap, Secret…): the analyzers read them
    }
    return c.graph();
  }

  private io.fabric8.kubernetes.client.dsl.AppsAPIGroupDSL apps() {
    return client.apps();
  }

  private void deployment(Collector c, Deployment d) {
    if (d == null) {
      return;
    }
    c.related.add(d);
    String ns = d.getMetadata().getNamespace();
    List<ReplicaSet> sets =
        c
            .list(
                () ->
                    apps()
                        .replicaSets()
                        .inNamespace(ns)
                        .withLabelSelector(d.getSpec().getSelector())
                        .list()
                        .getItems(),
                "replicasets")
            .stream()
            .filter(rs -> ownedBy(rs, "Deployment", d.getMetadata().getName()))
            .sorted(Comparator.comparingLong(GraphReader::revision).reversed())
            .toList();
    c.related.addAll(sets);
    Set<String> names =
        sets.stream().map(rs -> rs.getMetadata().getName()).collect(Collectors.toSet());
    List<Pod> pods = c.list(() -> reader.pods(ns, d.getSpec().getSelector()), "pods");
    c.pods(
        sets.isEmpty() ? pods : pods.stream().filter(p -> names.contains(controller(p))).toList());
  }

  private void replicaSet(Collector c, ReplicaSet rs, boolean withOwner) {
    if (rs == null) {
      return;
    }
    c.related.add(rs);
    String ns = rs.getMetadata().getNamespace();
    if (withOwner) {
      String owner = owner(rs, "Deployment");
      if (owner != null) {
        c.related.add(
            c.get(() -> apps().deployments().inNamespace(ns).withName(owner).get(), "deployments"));
      }
    }
    String name = rs.getMetadata().getName();
    c.pods(
        c.list(() -> reader.pods(ns, rs.getSpec().getSelector()), "pods").stream()
            .filter(p -> name.equals(controller(p)))
            .toList());
  }

  /** A StatefulSet or DaemonSet: its pods are the ones it controls. */
  private void owned(Collector c, HasMetadata workload) {
    if (workload == null) {
      return;
    }
    c.related.add(workload);
    var selector =
        workload instanceof StatefulSet s
            ? s.getSpec().getSelector()
            : ((DaemonSet) workload).getSpec().getSelector();
    String name = workload.getMetadata().getName();
    c.pods(
        c.list(() -> reader.pods(workload.getMetadata().getNamespace(), selector), "pods").stream()
            .filter(p -> controller(p) == null || name.equals(controller(p)))
            .toList());
  }

  private void job(Collector c, Job job) {
    if (job == null) {
      return;
    }
    c.related.add(job);
    String name = job.getMetadata().getName();
    c.pods(
        c.list(() -> reader.pods(job.getMetadata().getNamespace()), "pods").stream()
            .filter(p -> name.equals(controller(p)))
            .toList());
  }

  private void cronJob(Collector c, CronJob cron) {
    if (cron == null) {
      return;
    }
    c.related.add(cron);
    String ns = cron.getMetadata().getNamespace();
    List<Job> jobs =
        c.list(() -> client.batch().v1().jobs().inNamespace(ns).list().getItems(), "jobs").stream()
            .filter(j -> ownedBy(j, "CronJob", cron.getMetadata().getName()))
            .sorted(Comparator.comparing((Job j) -> created(j)).reversed())
            .limit(CRON_JOBS)
            .toList();
    c.related.addAll(jobs);
    Set<String> names =
        jobs.stream().map(j -> j.getMetadata().getName()).collect(Collectors.toSet());
    if (!names.isEmpty()) {
      c.pods(
          c.list(() -> reader.pods(ns), "pods").stream()
              .filter(p -> names.contains(controller(p)))
              .toList());
    }
  }

  private void pod(Collector c, Pod pod) {
    if (pod == null) {
      return;
    }
    c.pods(List.of(pod));
    String ns = pod.getMetadata().getNamespace();
    String owner = controller(pod);
    String kind = controllerKind(pod);
    if (owner == null || kind == null) {
      return;
    }
    switch (kind) {
      case "ReplicaSet" -> {
        ReplicaSet rs =
            c.get(() -> apps().replicaSets().inNamespace(ns).withName(owner).get(), "replicasets");
        c.related.add(rs);
        String d = rs == null ? null : owner(rs, "Deployment");
        if (d != null) {
          c.related.add(
              c.get(() -> apps().deployments().inNamespace(ns).withName(d).get(), "deployments"));
        }
      }
      case "StatefulSet" ->
          c.related.add(
              c.get(
                  () -> apps().statefulSets().inNamespace(ns).withName(owner).get(),
                  "statefulsets"));
      case "DaemonSet" ->
          c.related.add(
              c.get(() -> apps().daemonSets().inNamespace(ns).withName(owner).get(), "daemonsets"));
      case "Job" -> {
        Job job =
            c.get(() -> client.batch().v1().jobs().inNamespace(ns).withName(owner).get(), "jobs");
        c.related.add(job);
        String cron = job == null ? null : owner(job, "CronJob");
        if (cron != null) {
          c.related.add(
              c.get(
                  () -> client.batch().v1().cronjobs().inNamespace(ns).withName(cron).get(),
                  "cronjobs"));
        }
      }
      default -> {}
    }
  }

  private void service(Collector c, Service service) {
    if (service == null) {
      return;
    }
    c.related.add(service);
    Map<String, String> selector =
        service.getSpec() == null ? null : service.getSpec().getSelector();
    c.pods(
        c.list(() -> reader.pods(service.getMetadata().getNamespace()), "pods").stream()
            .filter(p -> Selectors.matches(selector, p.getMetadata().getLabels()))
            .toList());
  }

  private void autoscaler(Collector c, HorizontalPodAutoscaler hpa) {
    if (hpa == null) {
      return;
    }
    c.related.add(hpa);
    var ref = hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef();
    if (ref != null && ref.getKind() != null && ref.getName() != null) {
      c.merge(read(new ObjectRef(ref.getKind(), hpa.getMetadata().getNamespace(), ref.getName())));
    }
  }

  private void ingress(Collector c, Ingress ingress) {
    if (ingress == null) {
      return;
    }
    c.related.add(ingress);
    String ns = ingress.getMetadata().getNamespace();
    for (String name : IngressBackends.services(ingress)) {
      c.merge(read(new ObjectRef("Service", ns, name)));
    }
  }

  static boolean mounts(Pod pod, String claim) {
    return pod.getSpec() != null
        && pod.getSpec().getVolumes() != null
        && pod.getSpec().getVolumes().stream()
            .anyMatch(
                v ->
                    v.getPersistentVolumeClaim() != null
                        && claim.equals(v.getPersistentVolumeClaim().getClaimName()));
  }

  /** The name of the pod's controller, or null for a bare pod. */
  static String controller(HasMetadata o) {
    OwnerReference ref = controllerRef(o);
    return ref == null ? null : ref.getName();
  }

  static String controllerKind(HasMetadata o) {
    OwnerReference ref = controllerRef(o);
    return ref == null ? null : ref.getKind();
  }

  private static OwnerReference controllerRef(HasMetadata o) {
    List<OwnerReference> refs =
        o.getMetadata() == null ? null : o.getMetadata().getOwnerReferences();
    if (refs == null || refs.isEmpty()) {
      return null;
    }
    return refs.stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .findFirst()
        .orElse(refs.get(0));
  }

  private static boolean ownedBy(HasMetadata o, String kind, String name) {
    return name.equals(owner(o, kind));
  }

  private static String owner(HasMetadata o, String kind) {
    OwnerReference ref = controllerRef(o);
    return ref != null && kind.equals(ref.getKind()) ? ref.getName() : null;
  }

  /** A ReplicaSet's {@code deployment.kubernetes.io/revision}, 0 when absent. */
  static long revision(ReplicaSet rs) {
    Map<String, String> annotations = rs.getMetadata().getAnnotations();
    try {
      return annotations == null
          ? 0
          : Long.parseLong(annotations.getOrDefault("deployment.kubernetes.io/revision", "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Instant created(HasMetadata o) {
    return Ages.instant(o.getMetadata().getCreationTimestamp()).orElse(Instant.EPOCH);
  }

  /** Collects one graph; reads that fail with 403 become notes. */
  private static final class Collector {
    final ObjectRef target;
    final RelatedSet related = new RelatedSet();
    final Map<String, Pod> pods = new LinkedHashMap<>();
    final List<String> unreadable = new ArrayList<>();

    Collector(ObjectRef target) {
      this.target = target;
    }

    <T> T get(java.util.function.Supplier<T> read, String resource) {
      return Reads.orNull(read, resource, target.namespace(), unreadable);
    }

    <T> List<T> list(java.util.function.Supplier<List<T>> read, String resource) {
      List<T> got = Reads.orNull(read, resource, target.namespace(), unreadable);
      return got == null ? List.of() : got;
    }

    void pods(List<Pod> list) {
      for (Pod p : list) {
        pods.putIfAbsent(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(), p);
      }
    }

    void merge(TargetGraph other) {
      pods(other.pods());
      related.addAll(other.related());
      other.unreadable().stream().filter(u -> !unreadable.contains(u)).forEach(unreadable::add);
    }

    TargetGraph graph() {
      return new TargetGraph(
          target,
          pods.values().stream().filter(Objects::nonNull).toList(),
          related.build(),
          unreadable);
    }
  }
}
