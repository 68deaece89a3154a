package lookout.agent.resolve;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import lookout.agent.analyzers.ObjectRef;

/**
 * The workload a namespace's name stands for: charts install {@code ingress-nginx-controller} into
 * {@code ingress-nginx}, {@code cert-manager} into {@code cert-manager}, so "ingress nginx 装完一直
 * Pending" means the one workload there whose name contains the namespace's words. Only when that
 * workload is unique, and nothing else the question names resolved.
 */
final class NamespaceWorkload {
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");

  private NamespaceWorkload() {}

  /**
   * @param words the namespaces the question's words named ("ingress nginx" → ingress-nginx)
   * @param name a name the grammar placed, or null: it must be part of that name ("nginx")
   */
  static Optional<ObjectRef> of(Inventory inventory, List<String> words, String name) {
    if (words.size() != 1) {
      return Optional.empty();
    }
    String said = Names.squash(words.get(0));
    if (name != null && !said.contains(Names.squash(name))) {
      return Optional.empty(); // the question names something else too: that is "not found"
    }
    List<ObjectRef> inside =
        inventory.entries().stream()
            .map(Inventory.Entry::ref)
            .filter(r -> WORKLOADS.contains(r.kind()))
            .filter(r -> r.namespace() != null && Names.squash(r.namespace()).equals(said))
            .filter(r -> Names.squash(r.name()).contains(said))
            .toList();
    return inside.size() == 1 ? Optional.of(inside.get(0)) : Optional.empty();
  }
}
