package lookout.agent.diagnosis;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.ObjectRef;

/**
 * How many of a target's replicas are wanted and ready, from its own status: what "healthy" must
 * agree with (0/2 ready is never healthy, whatever the analyzers found).
 *
 * @param desired replicas wanted (scheduled pods wanted for a DaemonSet; 1 for a pod)
 * @param ready replicas ready
 */
public record TargetState(int desired, int ready) {
  public boolean allReady() {
    return ready >= desired;
  }

  /** "2/3 ready". */
  public String text() {
    return ready + "/" + desired + " ready";
  }

  /** The state of a workload or pod target; empty for kinds without replicas (Service, Job…). */
  public static Optional<TargetState> of(ObjectRef target, ClusterFacts facts) {
    if (target == null) {
      return Optional.empty();
    }
    var r = facts.related();
    return switch (target.kind()) {
      case "Deployment" ->
          find(r.deployments(), target)
              .map(
                  d ->
                      new TargetState(
                          replicas(d.getSpec().getReplicas()),
                          d.getStatus() == null ? 0 : n(d.getStatus().getReadyReplicas())));
      case "StatefulSet" ->
          find(r.statefulSets(), target)
              .map(
                  s ->
                      new TargetState(
                          replicas(s.getSpec().getReplicas()),
                          s.getStatus() == null ? 0 : n(s.getStatus().getReadyReplicas())));
      case "ReplicaSet" ->
          find(r.replicaSets(), target)
              .map(
                  s ->
                      new TargetState(
                          replicas(s.getSpec().getReplicas()),
                          s.getStatus() == null ? 0 : n(s.getStatus().getReadyReplicas())));
      case "DaemonSet" ->
          find(r.daemonSets(), target)
              .map(
                  d ->
                      d.getStatus() == null
                          ? new TargetState(0, 0)
                          : new TargetState(
                              n(d.getStatus().getDesiredNumberScheduled()),
                              n(d.getStatus().getNumberReady())));
      case "Pod" ->
          facts.pods().stream()
              .filter(p -> p.getMetadata().getName().equals(target.name()))
              .findFirst()
              .filter(p -> !finished(p))
              .map(p -> new TargetState(1, ready(p) ? 1 : 0));
      default -> Optional.empty();
    };
  }

  static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static boolean finished(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static <T extends HasMetadata> Optional<T> find(List<T> list, ObjectRef target) {
    return list.stream()
        .filter(o -> o.getMetadata().getName().equals(target.name()))
        .filter(
            o ->
                target.namespace() == null
                    || target.namespace().equals(o.getMetadata().getNamespace()))
        .findFirst();
  }

  private static int replicas(Integer value) {
    return value == null ? 1 : value;
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }
}
