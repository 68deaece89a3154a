package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.Related;

/**
 * The objects around a target's pods that the facts gatherer does not read itself: services and
 * their endpoint slices, ingresses, autoscalers, quotas, storage classes, volumes and attachments
 * (and the controllers again, which the gatherer merges with its own).
 */
public interface RelatedSource {
  /** What surrounds {@code target}, its {@code pods} and the {@code claims} they mount. */
  Related around(ObjectRef target, List<Pod> pods, List<PersistentVolumeClaim> claims);

  /** What surrounds the pods of one namespace. */
  Related inNamespace(String namespace, List<PersistentVolumeClaim> claims);

  /** Reads nothing: {@link Related#none()} for every question. */
  static RelatedSource none() {
    return new RelatedSource() {
      @Override
      public Related around(ObjectRef target, List<Pod> pods, List<PersistentVolumeClaim> claims) {
        return Related.none();
      }

      @Override
      public Related inNamespace(String namespace, List<PersistentVolumeClaim> claims) {
        return Related.none();
      }
    };
  }

  /** Reads them from the cluster with {@link RelatedReader}. */
  static RelatedSource reading(RelatedReader reader) {
    return new RelatedSource() {
      @Override
      public Related around(ObjectRef target, List<Pod> pods, List<PersistentVolumeClaim> claims) {
        return reader.forTarget(target, pods, claims);
      }

      @Override
      public Related inNamespace(String namespace, List<PersistentVolumeClaim> claims) {
        return reader.forNamespace(namespace, claims);
      }
    };
  }
}
