package lookout.agent.offline;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.Workload;

/**
 * A {@link Diagnoser} over today's workload diagnosis ({@link DiagnoseAnswers}), until the wider
 * catalog replaces it: Deployments, StatefulSets and DaemonSets are diagnosed directly; a pod, a
 * Service or an autoscaler through the workload behind it; anything else ({@link ObjectAnswers})
 * gets its own status and warning events, which is less than a diagnosis and says so.
 */
final class WorkloadDiagnoser implements Diagnoser {
  private final KubernetesClient client;
  private final ClusterReader reader;
  private final DiagnoseAnswers workloads;
  private final ObjectAnswers objects;

  WorkloadDiagnoser(KubernetesClient client, ClusterReader reader, DiagnoseAnswers workloads) {
    this.client = client;
    this.reader = reader;
    this.workloads = workloads;
    this.objects = new ObjectAnswers(client, reader);
  }

  @Override
  public Answer diagnose(ObjectRef target) {
    return switch (target.kind()) {
      case "Deployment", "StatefulSet", "DaemonSet" ->
          workloads.diagnose(target.namespace(), target.name());
      case "Pod" -> behind(target, owner(target));
      case "Service" -> behind(target, selected(target));
      case "HorizontalPodAutoscaler" -> behind(target, scaled(target));
      default -> objects.describe(target);
    };
  }

  @Override
  public Answer namespace(String namespace) {
    return workloads.diagnose(namespace, null);
  }

  /** The workload's diagnosis, said to be about {@code target}; or the target's own state. */
  private Answer behind(ObjectRef target, Optional<ObjectRef> workload) {
    if (workload.isEmpty()) {
      return objects.describe(target);
    }
    Answer answer = workloads.diagnose(workload.get().namespace(), workload.get().name());
    return answer.withSummary(target + " → " + workload.get() + ": " + answer.summary());
  }

  /** The Deployment, StatefulSet or DaemonSet a pod belongs to (through its ReplicaSet). */
  private Optional<ObjectRef> owner(ObjectRef pod) {
    Pod p = client.pods().inNamespace(pod.namespace()).withName(pod.name()).get();
    if (p == null) {
      return Optional.empty();
    }
    for (OwnerReference o : p.getMetadata().getOwnerReferences()) {
      if (o.getKind().equals("ReplicaSet")) {
        var rs =
            client.apps().replicaSets().inNamespace(pod.namespace()).withName(o.getName()).get();
        if (rs != null) {
          return rs.getMetadata().getOwnerReferences().stream()
              .filter(r -> r.getKind().equals("Deployment"))
              .map(r -> new ObjectRef("Deployment", pod.namespace(), r.getName()))
              .findFirst();
        }
      } else if (o.getKind().equals("StatefulSet") || o.getKind().equals("DaemonSet")) {
        return Optional.of(new ObjectRef(o.getKind(), pod.namespace(), o.getName()));
      }
    }
    return Optional.empty();
  }

  /** The workload whose pods the Service selects, when exactly one does. */
  private Optional<ObjectRef> selected(ObjectRef service) {
    Service s = client.services().inNamespace(service.namespace()).withName(service.name()).get();
    Map<String, String> selector =
        s == null || s.getSpec() == null ? null : s.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return Optional.empty();
    }
    List<Workload> matching =
        reader.workloads(service.namespace()).stream()
            .filter(w -> selects(selector, w.selector()))
            .toList();
    return matching.size() == 1
        ? Optional.of(
            new ObjectRef(matching.get(0).kind(), service.namespace(), matching.get(0).name()))
        : Optional.empty();
  }

  /** True when a pod carrying the workload's selector labels would be selected by the Service. */
  private static boolean selects(Map<String, String> service, LabelSelector workload) {
    if (workload == null || workload.getMatchLabels() == null) {
      return false;
    }
    return workload.getMatchLabels().entrySet().containsAll(service.entrySet());
  }

  private Optional<ObjectRef> scaled(ObjectRef hpa) {
    var h =
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(hpa.namespace())
            .withName(hpa.name())
            .get();
    if (h == null || h.getSpec() == null || h.getSpec().getScaleTargetRef() == null) {
      return Optional.empty();
    }
    var ref = h.getSpec().getScaleTargetRef();
    return Optional.of(new ObjectRef(ref.getKind(), hpa.namespace(), ref.getName()));
  }
}
