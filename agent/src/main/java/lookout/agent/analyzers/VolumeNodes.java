package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a pod's volumes live. A local or zonal PersistentVolume carries spec.nodeAffinity; a pod
 * using it can only run where that affinity holds. When the scheduler says "volume node affinity
 * conflict", the volume pinned to one node by hostname names the node the pod is waiting for — and
 * that node's state (NotReady, gone) is then the real cause.
 */
final class VolumeNodes {
  /** Labels that pin a volume to one node by name. */
  private static final Set<String> HOST_KEYS = Set.of("kubernetes.io/hostname");

  /** A volume of the pod pinned to a node, and that node's state when it can be read. */
  record Pinned(String volume, String claim, String node, Optional<Node> found) {
    /** "which is NotReady (the kubelet stopped posting node status)", or "" when it is Ready. */
    String state() {
      if (found.isEmpty()) {
        return ", a node Lookout did not find (deleted, or beyond the nodes it read)";
      }
      Optional<NodeCondition> ready =
          found.get().getStatus() == null || found.get().getStatus().getConditions() == null
              ? Optional.empty()
              : found.get().getStatus().getConditions().stream()
                  .filter(c -> "Ready".equals(c.getType()))
                  .findFirst();
      if (ready.isEmpty() || "True".equals(ready.get().getStatus())) {
        return "";
      }
      return "Unknown".equals(ready.get().getStatus())
          ? ", which is NotReady (the kubelet stopped posting node status)"
          : ", which is NotReady"
              + (ready.get().getMessage() == null || ready.get().getMessage().isBlank()
                  ? ""
                  : " (" + ready.get().getMessage() + ")");
    }
  }

  private VolumeNodes() {}

  /** The pod's volumes that are pinned to one node by name, in the pod's volume order. */
  static List<Pinned> of(ClusterFacts facts, Pod pod, List<String> claimNames) {
    List<Pinned> out = new ArrayList<>();
    for (String claimName : claimNames) {
      Optional<String> volume =
          facts.claims().stream()
              .filter(c -> claimName.equals(c.getMetadata().getName()))
              .filter(c -> Pods.namespace(pod).equals(c.getMetadata().getNamespace()))
              .map(PersistentVolumeClaim::getSpec)
              .filter(s -> s != null && s.getVolumeName() != null)
              .map(s -> s.getVolumeName())
              .findFirst();
      if (volume.isEmpty()) {
        continue;
      }
      facts.related().volumes().stream()
          .filter(v -> volume.get().equals(v.getMetadata().getName()))
          .findFirst()
          .flatMap(VolumeNodes::hostname)
          .ifPresent(
              node ->
                  out.add(
                      new Pinned(
                          volume.get(),
                          claimName,
                          node,
                          facts.nodes().stream()
                              .filter(n -> node.equals(n.getMetadata().getName()))
                              .findFirst())));
    }
    return out;
  }

  /** The one node a volume's required nodeAffinity allows by hostname, when it names one. */
  private static Optional<String> hostname(PersistentVolume pv) {
    if (pv.getSpec() == null
        || pv.getSpec().getNodeAffinity() == null
        || pv.getSpec().getNodeAffinity().getRequired() == null) {
      return Optional.empty();
    }
    for (NodeSelectorTerm term :
        orEmpty(pv.getSpec().getNodeAffinity().getRequired().getNodeSelectorTerms())) {
      for (NodeSelectorRequirement r : orEmpty(term.getMatchExpressions())) {
        if (HOST_KEYS.contains(r.getKey())
            && "In".equals(r.getOperator())
            && r.getValues() != null
            && r.getValues().size() == 1) {
          return Optional.of(r.getValues().getFirst());
        }
      }
    }
    return Optional.empty();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
