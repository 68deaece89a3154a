package lookout.agent.analyzers;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One object a question or an alert is about.
 *
 * @param kind the API kind as Kubernetes spells it: {@code Deployment}, {@code StatefulSet}, {@code
 *     DaemonSet}, {@code ReplicaSet}, {@code Pod}, {@code Service}, {@code Ingress}, {@code Job},
 *     {@code CronJob}, {@code HorizontalPodAutoscaler}, {@code PersistentVolumeClaim}, {@code Node}
 *     or {@code Namespace}
 * @param namespace null for cluster-scoped kinds (Node, Namespace)
 */
public record ObjectRef(String kind, String namespace, String name) {
  /** Lower-case words answers use for a kind, back to the kind ("claim" is the analyzers' word). */
  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("pod", "Pod"),
          Map.entry("deployment", "Deployment"),
          Map.entry("statefulset", "StatefulSet"),
          Map.entry("daemonset", "DaemonSet"),
          Map.entry("replicaset", "ReplicaSet"),
          Map.entry("job", "Job"),
          Map.entry("cronjob", "CronJob"),
          Map.entry("service", "Service"),
          Map.entry("ingress", "Ingress"),
          Map.entry("horizontalpodautoscaler", "HorizontalPodAutoscaler"),
          Map.entry("persistentvolumeclaim", "PersistentVolumeClaim"),
          Map.entry("claim", "PersistentVolumeClaim"),
          Map.entry("pvc", "PersistentVolumeClaim"),
          Map.entry("persistentvolume", "PersistentVolume"),
          Map.entry("node", "Node"),
          Map.entry("namespace", "Namespace"),
          Map.entry("configmap", "ConfigMap"),
          Map.entry("secret", "Secret"),
          Map.entry("resourcequota", "ResourceQuota"),
          Map.entry("serviceaccount", "ServiceAccount"));

  public ObjectRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  public static ObjectRef pod(String namespace, String name) {
    return new ObjectRef("Pod", namespace, name);
  }

  public static ObjectRef node(String name) {
    return new ObjectRef("Node", null, name);
  }

  /** {@code deployment shop/catalog}, {@code node worker-3}: how answers name the object. */
  @Override
  public String toString() {
    String k = kind.toLowerCase(Locale.ROOT);
    return namespace == null ? k + " " + name : k + " " + namespace + "/" + name;
  }

  /**
   * The object a finding's subject names ({@code pod shop/web-1}, {@code node worker-3}, {@code
   * claim shop/data}), or empty when the subject is not in that form.
   */
  public static Optional<ObjectRef> parse(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    String[] parts = subject.strip().split(" ", 2);
    if (parts.length != 2 || parts[1].isBlank() || parts[1].contains(" ")) {
      return Optional.empty();
    }
    String kind = KINDS.get(parts[0].toLowerCase(Locale.ROOT));
    if (kind == null) {
      return Optional.empty();
    }
    int slash = parts[1].indexOf('/');
    return slash < 0
        ? Optional.of(new ObjectRef(kind, null, parts[1]))
        : Optional.of(
            new ObjectRef(kind, parts[1].substring(0, slash), parts[1].substring(slash + 1)));
  }
}
