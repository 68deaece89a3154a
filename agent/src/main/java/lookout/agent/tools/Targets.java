package lookout.agent.tools;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.Workload;
import lookout.agent.cluster.WorkloadLookup;

/**
 * Resolves what the model named (a workload or a pod, with or without namespace) to one workload,
 * or explains in one line why it cannot — the model reads that and asks a better question.
 */
final class Targets {
  private final ClusterReader reader;

  Targets(ClusterReader reader) {
    this.reader = reader;
  }

  /** A workload, or a one-line problem the tool returns instead. */
  sealed interface Resolved {}

  record Found(Workload workload) implements Resolved {}

  record Problem(String text) implements Resolved {}

  Resolved workload(String namespace, String name) {
    if (name == null || name.isBlank()) {
      return new Problem("NO_DATA: name a workload, e.g. checkout");
    }
    String ns = blank(namespace) ? null : namespace.trim();
    WorkloadLookup lookup = reader.find(ns, name.trim());
    if (lookup instanceof WorkloadLookup.NotFound && ns != null) {
      // a pod name: use the workload that owns it
      Workload owner = ownerOfPod(ns, name.trim());
      if (owner != null) {
        return new Found(owner);
      }
    }
    return switch (lookup) {
      case WorkloadLookup.Found f -> new Found(f.workload());
      case WorkloadLookup.Ambiguous a ->
          new Problem(
              "AMBIGUOUS: "
                  + a.name()
                  + " matches "
                  + a.candidates().stream().map(Workload::ref).toList()
                  + " — call again with the namespace");
      case WorkloadLookup.NotFound n ->
          new Problem(
              "NOT_FOUND: no workload "
                  + n.name()
                  + (n.namespace() == null ? "" : " in namespace " + n.namespace())
                  + (n.namespaceExists() ? "" : " (no such namespace)")
                  + (n.similar().isEmpty() ? "" : "; similar: " + n.similar()));
    };
  }

  private Workload ownerOfPod(String namespace, String pod) {
    List<Workload> all = reader.workloads(namespace);
    return all.stream()
        .filter(w -> pod.startsWith(w.name() + "-"))
        .filter(
            w ->
                reader.pods(w).stream()
                    .map(Pod::getMetadata)
                    .anyMatch(m -> m.getName().equals(pod)))
        .findFirst()
        .orElse(null);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank() || s.equalsIgnoreCase("null") || s.equals("*");
  }
}
