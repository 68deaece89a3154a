package lookout.agent.offline;

import java.util.List;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.Workload;
import lookout.agent.cluster.WorkloadLookup;

/**
 * Turns the (namespace, name) a user wrote into one workload. A missing namespace is resolved from
 * the cluster when the name is unique; several matches become a question back, none a clear "not
 * found" with similar names.
 */
final class TargetResolver {
  private final String cluster;
  private final ClusterReader reader;

  TargetResolver(String cluster, ClusterReader reader) {
    this.cluster = cluster;
    this.reader = reader;
  }

  Resolution resolve(String namespace, String name) {
    WorkloadLookup lookup = reader.find(namespace, name);
    return switch (lookup) {
      case WorkloadLookup.Found f -> new Resolution.Resolved(f.workload());
      case WorkloadLookup.Ambiguous a -> new Resolution.Reply(askBack(a));
      case WorkloadLookup.NotFound n -> new Resolution.Reply(notFound(n));
    };
  }

  private lookout.agent.Answer askBack(WorkloadLookup.Ambiguous a) {
    List<String> namespaces = a.candidates().stream().map(Workload::namespace).distinct().toList();
    String question =
        namespaces.size() == a.candidates().size()
            ? a.name() + " exists in " + Replies.join(namespaces) + " — which namespace?"
            : a.name() + " matches " + a.candidates().size() + " workloads — which one?";
    List<String> lines = a.candidates().stream().map(reader::line).toList();
    return Replies.of(question, List.of(Replies.section("Candidates", lines)));
  }

  private lookout.agent.Answer notFound(WorkloadLookup.NotFound n) {
    if (!n.namespaceExists()) {
      return Replies.text(
          "There is no namespace "
              + n.namespace()
              + " in cluster "
              + cluster
              + ". Namespaces: "
              + String.join(", ", reader.namespaces())
              + ".");
    }
    String where =
        n.namespace() == null
            ? "in any namespace of cluster " + cluster
            : "in namespace " + n.namespace() + " of cluster " + cluster;
    String text = "No deployment, statefulset or daemonset named " + n.name() + " " + where + ".";
    if (!n.similar().isEmpty()) {
      text += " Did you mean " + Replies.join(n.similar()) + "?";
    }
    return Replies.text(text);
  }
}
