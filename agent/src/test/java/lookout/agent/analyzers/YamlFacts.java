package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
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
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;

/**
 * Cluster facts from YAML as {@code kubectl get -o yaml} prints it (documents separated by {@code
 * ---}): pods, events, claims and nodes go to their lists, everything else to {@link Related}.
 */
public final class YamlFacts {
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private YamlFacts() {}

  public static List<HasMetadata> objects(String yaml) {
    List<HasMetadata> out = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (!doc.isBlank()) {
        out.add(YAML.unmarshal(doc, HasMetadata.class));
      }
    }
    return out;
  }

  public static ClusterFacts facts(ObjectRef target, String yaml) {
    return facts(target, yaml, List.of(), Fixtures.NO_LOGS);
  }

  public static ClusterFacts facts(
      ObjectRef target, String yaml, List<ReadGap> gaps, LogSource logs) {
    List<HasMetadata> all = objects(yaml);
    return new ClusterFacts(
        "dev",
        target,
        of(all, Pod.class),
        of(all, Event.class),
        of(all, PersistentVolumeClaim.class),
        of(all, Node.class),
        new Related(
            of(all, Deployment.class),
            of(all, ReplicaSet.class),
            of(all, StatefulSet.class),
            of(all, DaemonSet.class),
            of(all, Job.class),
            of(all, CronJob.class),
            of(all, Service.class),
            of(all, EndpointSlice.class),
            of(all, Ingress.class),
            of(all, HorizontalPodAutoscaler.class),
            of(all, ResourceQuota.class),
            of(all, StorageClass.class),
            of(all, PersistentVolume.class),
            of(all, VolumeAttachment.class),
            gaps),
        logs);
  }

  private static <T> List<T> of(List<HasMetadata> all, Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
