package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The pod templates of the workloads in {@link Related}, as label candidates for a Service whose
 * selector matches no pod: the workload may have no pods to look at (scaled to zero, failing to
 * create them), yet its template says which labels its pods would carry.
 */
final class ServiceTemplates {
  private ServiceTemplates() {}

  static List<NearestLabels.Labelled> of(ClusterFacts facts, String namespace) {
    List<NearestLabels.Labelled> out = new ArrayList<>();
    Related r = facts.related();
    r.deployments().stream()
        .filter(d -> Meta.in(d, namespace) && d.getSpec() != null)
        .forEach(d -> add(out, "Deployment", Meta.ref(d), d.getSpec().getTemplate()));
    r.statefulSets().stream()
        .filter(s -> Meta.in(s, namespace) && s.getSpec() != null)
        .forEach(s -> add(out, "StatefulSet", Meta.ref(s), s.getSpec().getTemplate()));
    r.daemonSets().stream()
        .filter(d -> Meta.in(d, namespace) && d.getSpec() != null)
        .forEach(d -> add(out, "DaemonSet", Meta.ref(d), d.getSpec().getTemplate()));
    return out;
  }

  private static void add(
      List<NearestLabels.Labelled> out, String kind, String ref, PodTemplateSpec template) {
    if (template == null || template.getMetadata() == null) {
      return;
    }
    String workload = kind.toLowerCase(java.util.Locale.ROOT) + " " + ref;
    out.add(
        new NearestLabels.Labelled(
            "the pods of " + workload,
            template.getMetadata().getLabels() == null
                ? java.util.Map.of()
                : template.getMetadata().getLabels(),
            workload));
  }
}
