package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/** What fixes and causes name around a pod: its workload, its node and the node's architecture. */
final class PodContext {
  private PodContext() {}

  /** "deployment shop/catalog", or null for a bare pod. */
  static String workload(Pod pod) {
    return Owners.workload(pod).map(ObjectRef::toString).orElse(null);
  }

  /** The workload, or the pod itself: what a fix should tell people to change. */
  static String owner(Pod pod) {
    String w = workload(pod);
    return w == null ? "pod " + Pods.ref(pod) : w;
  }

  static Optional<Node> node(ClusterFacts facts, Pod pod) {
    String name = Pods.nodeName(pod);
    if (name == null) {
      return Optional.empty();
    }
    return facts.nodes().stream()
        .filter(n -> n.getMetadata() != null && name.equals(n.getMetadata().getName()))
        .findFirst();
  }

  /** The node's CPU architecture ({@code amd64}, {@code arm64}), or null when unknown. */
  static String arch(ClusterFacts facts, Pod pod) {
    return node(facts, pod)
        .map(
            n ->
                n.getStatus() == null || n.getStatus().getNodeInfo() == null
                    ? null
                    : n.getStatus().getNodeInfo().getArchitecture())
        .or(
            () ->
                node(facts, pod)
                    .map(
                        n ->
                            n.getMetadata().getLabels() == null
                                ? null
                                : n.getMetadata().getLabels().get("kubernetes.io/arch")))
        .orElse(null);
  }
}
