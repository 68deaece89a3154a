package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lookout.approvals.ScaleWorkload;

/**
 * Deployments and StatefulSets scaled to zero replicas: nothing runs, by intent or by mistake. The
 * replica count it had before (from its ReplicaSets' {@code desired-replicas} annotations) is
 * offered as the scale-up.
 */
public final class ScaledToZeroAnalyzer implements Analyzer {
  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> out = new ArrayList<>();
    for (Deployment d : facts.related().deployments()) {
      if (d.getSpec() != null && Integer.valueOf(0).equals(d.getSpec().getReplicas())) {
        out.add(finding(facts, d, previous(facts, d.getMetadata().getName())));
      }
    }
    for (StatefulSet s : facts.related().statefulSets()) {
      if (s.getSpec() != null && Integer.valueOf(0).equals(s.getSpec().getReplicas())) {
        out.add(finding(facts, s, 0));
      }
    }
    return out;
  }

  private static int previous(ClusterFacts facts, String deployment) {
    int most = 0;
    for (ReplicaSet rs : facts.related().replicaSets()) {
      if (!Controllers.ownedBy(rs, "Deployment", deployment)) {
        continue;
      }
      Map<String, String> a = rs.getMetadata().getAnnotations();
      try {
        most =
            Math.max(
                most,
                a == null
                    ? 0
                    : Integer.parseInt(
                        a.getOrDefault("deployment.kubernetes.io/desired-replicas", "0")));
      } catch (NumberFormatException e) {
        // a hand-edited annotation: ignore it
      }
    }
    return most;
  }

  private static Finding finding(ClusterFacts facts, HasMetadata w, int before) {
    ObjectRef about = Controllers.ref(w);
    boolean autoscaled =
        facts.related().autoscalers().stream()
            .anyMatch(
                h ->
                    h.getSpec() != null
                        && h.getSpec().getScaleTargetRef() != null
                        && w.getMetadata()
                            .getName()
                            .equals(h.getSpec().getScaleTargetRef().getName()));
    Finding.Builder b =
        Finding.builder(Finding.Severity.WARNING, "ScaledToZero", about)
            .reason("ScaledToZero")
            .summary(
                "is scaled to 0 replicas: no pod runs"
                    + (before > 0 ? " (it had " + before + " before)" : ""))
            .evidence(
                about
                    + ": spec.replicas=0"
                    + (autoscaled ? ", a HorizontalPodAutoscaler targets it" : ""))
            .fix(
                "scale it up if it should run: kubectl scale "
                    + w.getKind().toLowerCase(java.util.Locale.ROOT)
                    + "/"
                    + w.getMetadata().getName()
                    + " -n "
                    + w.getMetadata().getNamespace()
                    + " --replicas="
                    + Math.max(1, before))
            .query("deployment scaled to zero replicas no pods");
    if (facts.cluster() != null && !autoscaled) {
      b.suggest(
          new ScaleWorkload(
              facts.cluster(),
              w.getMetadata().getNamespace(),
              w.getKind(),
              w.getMetadata().getName(),
              Math.max(1, before)));
    }
    return b.build();
  }
}
