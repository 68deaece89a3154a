package lookout.bot.alerts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which workload an alert is about, from its labels: a controller label when present, else the pod
 * name without its ReplicaSet/StatefulSet suffix, else the container.
 */
final class Workloads {
  private static final List<String> CONTROLLERS =
      List.of("deployment", "statefulset", "daemonset", "job_name", "cronjob", "service");
  // checkout-7d9f8c6b5d-x2k4p → checkout ; ledger-db-0 → ledger-db
  private static final Pattern REPLICA_SET_POD = Pattern.compile("-[a-z0-9]{6,10}-[a-z0-9]{5}$");
  private static final Pattern ORDINAL_POD = Pattern.compile("-\\d+$");

  private Workloads() {}

  static Optional<String> of(Map<String, String> labels) {
    for (String key : CONTROLLERS) {
      String v = labels.getOrDefault(key, "");
      if (!v.isBlank()) {
        return Optional.of(v);
      }
    }
    String pod = labels.getOrDefault("pod", "");
    if (!pod.isBlank()) {
      String name = REPLICA_SET_POD.matcher(pod).replaceFirst("");
      return Optional.of(name.equals(pod) ? ORDINAL_POD.matcher(pod).replaceFirst("") : name);
    }
    return Optional.ofNullable(labels.get("container")).filter(s -> !s.isBlank());
  }
}
