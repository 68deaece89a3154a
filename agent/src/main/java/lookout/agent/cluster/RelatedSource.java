package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.Related;

/**
 * The objects around a target's pods that the facts gatherer does not read itself: services and
 * their endpoint slices, ingresses, autoscalers, quotas, storage classes, volumes and attachments.
 * Controllers (Deployments, ReplicaSets, Jobs…) come from the gatherer's own graph reading.
 */
public interface RelatedSource {
  /** What surrounds {@code target} and its {@code pods}; may throw a cluster read failure. */
  Related around(ObjectRef target, List<Pod> pods);

  /** What surrounds the pods of one namespace. */
  Related inNamespace(String namespace);

  /** Reads nothing: {@link Related#none()} for every question. */
  static RelatedSource none() {
    return new RelatedSource() {
      @Override
      public Related around(ObjectRef target, List<Pod> pods) {
        return Related.none();
      }

      @Override
      public Related inNamespace(String namespace) {
        return Related.none();
      }
    };
  }
}
