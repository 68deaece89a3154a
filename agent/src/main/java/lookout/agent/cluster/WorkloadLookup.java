package lookout.agent.cluster;

import java.util.List;

/** The result of finding a workload by name: one, several (ask back), or none. */
public sealed interface WorkloadLookup {
  record Found(Workload workload) implements WorkloadLookup {}

  /** The name exists in several namespaces (or as several kinds); the caller asks which one. */
  record Ambiguous(String name, List<Workload> candidates) implements WorkloadLookup {
    public Ambiguous {
      candidates = List.copyOf(candidates);
    }
  }

  /**
   * Nothing by that name.
   *
   * @param namespace the namespace searched, or null for all
   * @param namespaceExists false when the named namespace itself does not exist
   * @param similar workloads with similar names, as {@code namespace/name}
   */
  record NotFound(String namespace, String name, boolean namespaceExists, List<String> similar)
      implements WorkloadLookup {
    public NotFound {
      similar = List.copyOf(similar);
    }
  }
}
