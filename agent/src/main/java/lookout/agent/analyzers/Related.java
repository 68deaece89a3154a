package lookout.agent.analyzers;

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
import java.util.List;

/**
 * The objects around the pods that analyzers may need beyond {@link ClusterFacts}' pods, events,
 * claims and nodes: the controllers that own the pods, the services and ingresses in front of them,
 * autoscalers, quotas, and the storage behind the claims. Each list holds only what is related to
 * the question's scope (one object and its neighbours, or one namespace), bounded by the gatherer.
 * Never Secrets or ConfigMap data: what kubelet says about a missing one is enough.
 *
 * @param gaps kinds that could not be read (RBAC forbids them, or the cluster does not serve them):
 *     their lists above are empty for that reason, not because nothing exists
 */
public record Related(
    List<Deployment> deployments,
    List<ReplicaSet> replicaSets,
    List<StatefulSet> statefulSets,
    List<DaemonSet> daemonSets,
    List<Job> jobs,
    List<CronJob> cronJobs,
    List<Service> services,
    List<EndpointSlice> endpointSlices,
    List<Ingress> ingresses,
    List<HorizontalPodAutoscaler> autoscalers,
    List<ResourceQuota> quotas,
    List<StorageClass> storageClasses,
    List<PersistentVolume> volumes,
    List<VolumeAttachment> attachments,
    List<ReadGap> gaps) {
  public Related {
    deployments = List.copyOf(deployments);
    replicaSets = List.copyOf(replicaSets);
    statefulSets = List.copyOf(statefulSets);
    daemonSets = List.copyOf(daemonSets);
    jobs = List.copyOf(jobs);
    cronJobs = List.copyOf(cronJobs);
    services = List.copyOf(services);
    endpointSlices = List.copyOf(endpointSlices);
    ingresses = List.copyOf(ingresses);
    autoscalers = List.copyOf(autoscalers);
    quotas = List.copyOf(quotas);
    storageClasses = List.copyOf(storageClasses);
    volumes = List.copyOf(volumes);
    attachments = List.copyOf(attachments);
    gaps = List.copyOf(gaps);
  }

  /** Related objects that were all read without a gap. */
  public Related(
      List<Deployment> deployments,
      List<ReplicaSet> replicaSets,
      List<StatefulSet> statefulSets,
      List<DaemonSet> daemonSets,
      List<Job> jobs,
      List<CronJob> cronJobs,
      List<Service> services,
      List<EndpointSlice> endpointSlices,
      List<Ingress> ingresses,
      List<HorizontalPodAutoscaler> autoscalers,
      List<ResourceQuota> quotas,
      List<StorageClass> storageClasses,
      List<PersistentVolume> volumes,
      List<VolumeAttachment> attachments) {
    this(
        deployments,
        replicaSets,
        statefulSets,
        daemonSets,
        jobs,
        cronJobs,
        services,
        endpointSlices,
        ingresses,
        autoscalers,
        quotas,
        storageClasses,
        volumes,
        attachments,
        List.of());
  }

  /** Nothing beyond pods, events, claims and nodes was read. */
  public static Related none() {
    return new Related(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
