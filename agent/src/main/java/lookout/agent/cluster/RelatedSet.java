package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.VolumeAttachment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lookout.agent.analyzers.ReadGap;
import lookout.agent.analyzers.Related;

/**
 * {@link Related} being collected: objects are kept once (by kind, namespace and name), in the
 * order first added, so the graph reader and another reader can both contribute.
 */
final class RelatedSet {
  private final Map<String, HasMetadata> objects = new LinkedHashMap<>();
  private final List<ReadGap> gaps = new ArrayList<>();

  RelatedSet add(HasMetadata object) {
    if (object != null && object.getMetadata() != null) {
      objects.putIfAbsent(
          object.getKind()
              + "/"
              + object.getMetadata().getNamespace()
              + "/"
              + object.getMetadata().getName(),
          object);
    }
    return this;
  }

  RelatedSet addAll(List<? extends HasMetadata> list) {
    list.forEach(this::add);
    return this;
  }

  /** Adds every object of {@code other}. */
  RelatedSet addAll(Related other) {
    addAll(other.deployments());
    addAll(other.replicaSets());
    addAll(other.statefulSets());
    addAll(other.daemonSets());
    addAll(other.jobs());
    addAll(other.cronJobs());
    addAll(other.services());
    addAll(other.endpointSlices());
    addAll(other.ingresses());
    addAll(other.autoscalers());
    addAll(other.quotas());
    addAll(other.storageClasses());
    addAll(other.volumes());
    addAll(other.attachments());
    other.gaps().stream().filter(g -> !gaps.contains(g)).forEach(gaps::add);
    return this;
  }

  <T> List<T> of(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (HasMetadata o : objects.values()) {
      if (type.isInstance(o)) {
        out.add(type.cast(o));
      }
    }
    return out;
  }

  Related build() {
    return new Related(
        of(Deployment.class),
        of(ReplicaSet.class),
        of(StatefulSet.class),
        of(DaemonSet.class),
        of(Job.class),
        of(CronJob.class),
        of(Service.class),
        of(EndpointSlice.class),
        of(Ingress.class),
        of(HorizontalPodAutoscaler.class),
        of(ResourceQuota.class),
        of(StorageClass.class),
        of(PersistentVolume.class),
        of(VolumeAttachment.class),
        gaps);
  }
}
