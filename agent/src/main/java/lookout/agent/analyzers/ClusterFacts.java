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
 */
public record ClusterFacts(
    String cluster,
    List<Pod> pods,
    List<Event> events,
    List<PersistentVolumeClaim> claims,
    List<Node> nodes,
    LogSource logs) {
  public ClusterFacts {
    pods = List.copyOf(pods);
    events = List.copyOf(events);
    claims = List.copyOf(claims);
    nodes = List.copyOf(nodes);
  }
}
