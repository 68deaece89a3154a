package lookout.agent.diagnosis;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.Finding;
import lookout.agent.analyzers.ObjectRef;

/**
 * A DaemonSet runs one pod per node, so "which pod" means "which node": a failure of a DaemonSet
 * names the node of each pod it explains ("pod logging/fluent-bit-m7958 runs on node worker-3"),
 * whatever analyzer found it. Other kinds' pods are interchangeable and keep their evidence as is.
 */
final class PodNodes {
  private static final int MAX_LINES = 5;

  private PodNodes() {}

  static Finding placed(ObjectRef target, Finding f, ClusterFacts facts) {
    if (!"DaemonSet".equals(target.kind())) {
      return f;
    }
    List<String> lines = new ArrayList<>();
    for (ObjectRef ref : f.affected()) {
      if (!"Pod".equals(ref.kind()) || lines.size() == MAX_LINES) {
        continue;
      }
      facts.pods().stream()
          .filter(p -> matches(p, ref))
          .map(p -> p.getSpec() == null ? null : p.getSpec().getNodeName())
          .filter(n -> n != null && !n.isBlank())
          .findFirst()
          .ifPresent(
              node ->
                  lines.add("pod " + ref.namespace() + "/" + ref.name() + " runs on node " + node));
    }
    if (lines.isEmpty()) {
      return f;
    }
    List<String> evidence = new ArrayList<>(lines);
    evidence.addAll(f.evidence());
    return f.withEvidence(evidence);
  }

  private static boolean matches(Pod p, ObjectRef ref) {
    return p.getMetadata() != null
        && ref.name().equals(p.getMetadata().getName())
        && ref.namespace().equals(p.getMetadata().getNamespace());
  }
}
