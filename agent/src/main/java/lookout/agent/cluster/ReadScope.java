package lookout.agent.cluster;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every API resource the agent reads, published so the Helm chart's ClusterRole can be checked
 * against it (helm's RbacScopeTest): a reader that starts reading a new kind adds it here, and the
 * chart test fails until the role grants it. Never Secrets or ConfigMaps.
 */
public final class ReadScope {
  static final ApiResource SERVICES = ApiResource.core("services");
  static final ApiResource QUOTAS = ApiResource.core("resourcequotas");
  static final ApiResource VOLUMES = ApiResource.core("persistentvolumes");
  static final ApiResource DEPLOYMENTS = new ApiResource("apps", "deployments");
  static final ApiResource REPLICA_SETS = new ApiResource("apps", "replicasets");
  static final ApiResource STATEFUL_SETS = new ApiResource("apps", "statefulsets");
  static final ApiResource DAEMON_SETS = new ApiResource("apps", "daemonsets");
  static final ApiResource JOBS = new ApiResource("batch", "jobs");
  static final ApiResource CRON_JOBS = new ApiResource("batch", "cronjobs");
  static final ApiResource ENDPOINT_SLICES = new ApiResource("discovery.k8s.io", "endpointslices");
  static final ApiResource INGRESSES = new ApiResource("networking.k8s.io", "ingresses");
  static final ApiResource AUTOSCALERS = new ApiResource("autoscaling", "horizontalpodautoscalers");
  static final ApiResource STORAGE_CLASSES = new ApiResource("storage.k8s.io", "storageclasses");
  static final ApiResource ATTACHMENTS = new ApiResource("storage.k8s.io", "volumeattachments");

  /** What {@link RelatedReader} reads around a question's target. */
  static final List<ApiResource> RELATED =
      List.of(
          DEPLOYMENTS,
          REPLICA_SETS,
          STATEFUL_SETS,
          DAEMON_SETS,
          JOBS,
          CRON_JOBS,
          SERVICES,
          ENDPOINT_SLICES,
          INGRESSES,
          AUTOSCALERS,
          QUOTAS,
          STORAGE_CLASSES,
          VOLUMES,
          ATTACHMENTS);

  /** What {@link ClusterReader}, the pod cache and the log reader read. */
  static final List<ApiResource> BASE =
      List.of(
          ApiResource.core("pods"),
          ApiResource.core("pods/log"),
          ApiResource.core("events"),
          ApiResource.core("namespaces"),
          ApiResource.core("nodes"),
          ApiResource.core("persistentvolumeclaims"));

  private ReadScope() {}

  /** Everything the agent reads from the API server (metrics.k8s.io aside, which is optional). */
  public static List<ApiResource> all() {
    return Stream.concat(BASE.stream(), RELATED.stream()).distinct().toList();
  }
}
