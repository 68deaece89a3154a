package lookout.agent.analyzers;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Logs kept outside the cluster (Loki), read when the API server has none for a pod: it was
 * evicted, deleted, replaced, or its job finished and was cleaned up. As a {@link LogSource} it
 * answers one pod's container by name.
 */
public interface LogArchive extends LogSource {
  /** Where the lines come from, for evidence: e.g. {@code Loki at http://loki:3100}. */
  String name();

  /**
   * The newest lines of the pods a workload had that are not among {@code podsWithLogs} (deleted,
   * replaced, evicted), by pod (the pod that logged last first), each pod's lines oldest first.
   *
   * @param kind Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet or Pod
   * @param lines at most this many lines over all pods
   * @throws RuntimeException when the archive cannot be read; the message says why
   */
  Map<String, List<String>> gonePods(
      String kind, String namespace, String name, Set<String> podsWithLogs, int lines);
}
