package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import java.util.Map;

/** Reads shared by the workload analyzers: ownership, revisions, template images. */
final class Controllers {
  private Controllers() {}

  static ObjectRef ref(HasMetadata o) {
    return new ObjectRef(o.getKind(), o.getMetadata().getNamespace(), o.getMetadata().getName());
  }

  /** True when {@code o}'s controlling owner is {@code kind}/{@code name}. */
  static boolean ownedBy(HasMetadata o, String kind, String name) {
    List<OwnerReference> refs =
        o.getMetadata() == null ? null : o.getMetadata().getOwnerReferences();
    if (refs == null) {
      return false;
    }
    return refs.stream()
        .filter(r -> r.getController() == null || r.getController())
        .anyMatch(r -> kind.equals(r.getKind()) && name.equals(r.getName()));
  }

  /** The pods of {@code facts} whose controller is {@code kind}/{@code name}. */
  static List<Pod> pods(ClusterFacts facts, String kind, String name) {
    return facts.pods().stream().filter(p -> ownedBy(p, kind, name)).toList();
  }

  static long revision(ReplicaSet rs) {
    Map<String, String> a = rs.getMetadata().getAnnotations();
    try {
      return a == null
          ? 0
          : Long.parseLong(a.getOrDefault("deployment.kubernetes.io/revision", "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** "shop/catalog:2.0" (several containers joined by commas). */
  static String images(PodTemplateSpec template) {
    if (template == null || template.getSpec() == null) {
      return "?";
    }
    return String.join(
        ",",
        Pods.stream(template.getSpec().getContainers())
            .map(c -> Evidence.orDash(c.getImage()))
            .toList());
  }

  /** "catalog:2.0": the images without registry and path, for one-line summaries. */
  static String shortImages(PodTemplateSpec template) {
    return java.util.Arrays.stream(images(template).split(","))
        .map(i -> i.substring(i.lastIndexOf('/') + 1))
        .collect(java.util.stream.Collectors.joining(","));
  }

  static boolean ready(Pod pod) {
    return Pods.condition(pod, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  static int n(Integer value) {
    return value == null ? 0 : value;
  }
}
