package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * The slice of cluster state analyzers look at: the pods of a workload or namespace, the events
 * about them, the claims they mount, the nodes, and a way to read container logs on demand.
 *
 * @param cluster the cluster name the facts come from (for suggested actions)
 * @param target the object the question is about, or null for a namespace or cluster scan: a
 *     finding about something the target does not depend on is not its cause
 * @param related controllers, services, autoscalers, quotas and storage around the pods
 */
public record ClusterFacts(
    String cluster,
    ObjectRef target,
    List<Pod> pods,
    List<Event> events,
    List<PersistentVolumeClaim> claims,
    List<Node> nodes,
    Related related,
    LogSource logs) {
  public ClusterFacts {
    pods = List.copyOf(pods);
    events = List.copyOf(events);
    claims = List.copyOf(claims);
    nodes = List.copyOf(nodes);
    java.util.Objects.requireNonNull(related, "related");
  }

  /** Facts without a target and without related objects (namespace scans, tests). */
  public ClusterFacts(
      String cluster,
      List<Pod> pods,
      List<Event> events,
      List<PersistentVolumeClaim> claims,
      List<Node> nodes,
      LogSource logs) {
    this(cluster, null, pods, events, claims, nodes, Related.none(), logs);
  }
}
