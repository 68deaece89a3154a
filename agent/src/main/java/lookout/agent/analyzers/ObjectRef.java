package lookout.agent.analyzers;

import java.util.Locale;
import java.util.Objects;

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
  public ObjectRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** {@code deployment shop/catalog}, {@code node worker-3}: how answers name the object. */
  @Override
  public String toString() {
    String k = kind.toLowerCase(Locale.ROOT);
    return namespace == null ? k + " " + name : k + " " + namespace + "/" + name;
  }
}
