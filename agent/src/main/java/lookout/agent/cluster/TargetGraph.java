package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.Related;

/**
 * What a target is made of: its pods and the controllers above or beside them (a Deployment's
 * ReplicaSets, a pod's owners, a CronJob's Jobs, a Service or HPA read on the way).
 *
 * @param unreadable kinds that could not be read, each with the permission that is missing
 */
public record TargetGraph(
    ObjectRef target, List<Pod> pods, Related related, List<String> unreadable) {
  public TargetGraph {
    pods = List.copyOf(pods);
    unreadable = List.copyOf(unreadable);
  }
}
