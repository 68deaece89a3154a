package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The workload that owns a pod, derived from the pod alone (no API reads): a ReplicaSet owner means
 * a Deployment named like the ReplicaSet minus its template hash.
 *
 * @param kind {@code Deployment}, {@code StatefulSet}, {@code DaemonSet}, {@code Job}, {@code
 *     ReplicaSet} (a bare one) or another controller kind
 */
record Workload(String kind, String namespace, String name) {
  /** The hash ReplicaSets get from their Deployment: consonants and digits, no vowels. */
  private static final Pattern HASH = Pattern.compile("[bcdfghjklmnpqrstvwxz0-9]{4,10}");

  /** "deployment staging/checkout". */
  String describe() {
    return kind.toLowerCase(Locale.ROOT) + " " + namespace + "/" + name;
  }

  /** The controlling owner, or empty for a bare pod. */
  static Optional<Workload> of(Pod pod) {
    Optional<OwnerReference> owner = controller(pod);
    if (owner.isEmpty() || owner.get().getName() == null || owner.get().getKind() == null) {
      return Optional.empty();
    }
    String ns = Pods.namespace(pod);
    String kind = owner.get().getKind();
    String name = owner.get().getName();
    if (kind.equals("ReplicaSet")) {
      return deploymentFromReplicaSet(pod, name)
          .map(d -> new Workload("Deployment", ns, d))
          .or(() -> Optional.of(new Workload("ReplicaSet", ns, name)));
    }
    return Optional.of(new Workload(kind, ns, name));
  }

  /**
   * The Deployment a restart should target: from the ReplicaSet owner, or, for a pod with no owner
   * at all, from its {@code app.kubernetes.io/name} or {@code app} label. Any other owner kind
   * (StatefulSet, Job…) means there is no Deployment to restart. The approval flow dry-runs the
   * action, so a label guess that names no Deployment fails there, not in the cluster.
   */
  static Optional<String> deploymentName(Pod pod) {
    Optional<Workload> owner = of(pod);
    if (owner.isPresent()) {
      return owner.get().kind().equals("Deployment")
          ? Optional.of(owner.get().name())
          : Optional.empty();
    }
    if (!ownerReferences(pod).isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> labels = pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
    if (labels == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(labels.get("app.kubernetes.io/name"))
        .or(() -> Optional.ofNullable(labels.get("app")))
        .filter(n -> !n.isBlank());
  }

  private static Optional<String> deploymentFromReplicaSet(Pod pod, String replicaSet) {
    Map<String, String> labels = pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
    String hash = labels == null ? null : labels.get("pod-template-hash");
    if (hash != null && !hash.isEmpty() && replicaSet.endsWith("-" + hash)) {
      return Optional.of(replicaSet.substring(0, replicaSet.length() - hash.length() - 1));
    }
    int dash = replicaSet.lastIndexOf('-');
    if (dash <= 0) {
      return Optional.empty();
    }
    String suffix = replicaSet.substring(dash + 1);
    boolean looksHashed =
        HASH.matcher(suffix).matches() && suffix.chars().anyMatch(Character::isDigit);
    return looksHashed ? Optional.of(replicaSet.substring(0, dash)) : Optional.empty();
  }

  private static Optional<OwnerReference> controller(Pod pod) {
    List<OwnerReference> refs = ownerReferences(pod);
    return refs.stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .findFirst()
        .or(() -> refs.stream().findFirst());
  }

  private static List<OwnerReference> ownerReferences(Pod pod) {
    return pod.getMetadata() == null
        ? List.of()
        : Pods.stream(pod.getMetadata().getOwnerReferences()).toList();
  }
}
