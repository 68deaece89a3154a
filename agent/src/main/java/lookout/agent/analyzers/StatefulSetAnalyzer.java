package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * StatefulSets that do not reach their replica count. With the default OrderedReady policy the
 * controller creates pod N+1 only when pod N is Ready, so the finding names the ordinal it is stuck
 * at and whether that pod is missing or not ready; the pod's own findings say why.
 */
public final class StatefulSetAnalyzer implements Analyzer {
  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> out = new ArrayList<>();
    for (StatefulSet s : facts.related().statefulSets()) {
      finding(facts, s).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Finding> finding(ClusterFacts facts, StatefulSet s) {
    String name = s.getMetadata().getName();
    int wanted =
        s.getSpec() == null || s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
    int ready = s.getStatus() == null ? 0 : Controllers.n(s.getStatus().getReadyReplicas());
    if (wanted == 0 || ready >= wanted) {
      return Optional.empty();
    }
    List<Pod> pods = Controllers.pods(facts, "StatefulSet", name);
    boolean ordered =
        s.getSpec().getPodManagementPolicy() == null
            || "OrderedReady".equals(s.getSpec().getPodManagementPolicy());
    ObjectRef about = Controllers.ref(s);
    Finding.Builder b =
        Finding.builder(Finding.Severity.WARNING, "StatefulSet", about)
            .role(Finding.Role.SYMPTOM)
            .reason("StatefulSetNotReady")
            .query("statefulset stuck ordinal pod not ready OrderedReady");
    b.evidence(
        about
            + ": "
            + ready
            + "/"
            + wanted
            + " ready, policy "
            + (ordered ? "OrderedReady" : "Parallel")
            + (s.getStatus() == null
                ? ""
                : ", currentRevision "
                    + Evidence.orDash(s.getStatus().getCurrentRevision())
                    + ", updateRevision "
                    + Evidence.orDash(s.getStatus().getUpdateRevision())));
    boolean podAsked = facts.target() != null && facts.target().kind().equals("Pod");
    for (int i = 0; i < wanted; i++) {
      String podName = name + "-" + i;
      Optional<Pod> pod = pods.stream().filter(p -> podName.equals(Pods.name(p))).findFirst();
      if (pod.isEmpty() && podAsked) {
        continue; // asked about one pod, its siblings were not read: absent here is not gone
      }
      if (pod.isEmpty() || !Controllers.ready(pod.get())) {
        String state =
            pod.isEmpty()
                ? "does not exist"
                : "is not ready (" + Evidence.orDash(Pods.phase(pod.get())) + ")";
        b.summary(
            "is stuck at ordinal "
                + i
                + " of "
                + wanted
                + ": pod "
                + podName
                + " "
                + state
                + (ordered && i < wanted - 1
                    ? ", so pods " + name + "-" + (i + 1) + ".." + (wanted - 1) + " wait for it"
                    : "")
                + "; "
                + ready
                + "/"
                + wanted
                + " ready");
        pod.ifPresent(p -> b.affects(Pods.refOf(p)));
        b.fix(
            pod.isEmpty()
                ? "see why the controller cannot create "
                    + podName
                    + " (the StatefulSet's FailedCreate events)"
                : "fix pod "
                    + podName
                    + " first (its findings above); the next ordinals follow once it is Ready");
        return Optional.of(b.build());
      }
    }
    b.summary("has " + ready + "/" + wanted + " pods ready");
    return Optional.of(b.build());
  }
}
