package lookout.agent.offline;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import lookout.agent.Answer;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.NodeText;
import lookout.agent.cluster.Workload;
import lookout.agent.cluster.WorkloadLookup;

/** "status of checkout in staging", "status of prod", "status": compact state, problems first. */
final class StatusAnswers {
  private static final int EVENT_LINES = 8;

  private final String cluster;
  private final ClusterReader reader;
  private final TargetResolver resolver;

  StatusAnswers(String cluster, ClusterReader reader, TargetResolver resolver) {
    this.cluster = cluster;
    this.reader = reader;
    this.resolver = resolver;
  }

  Answer status(String namespace, String name) {
    if (name == null) {
      return namespace == null ? cluster() : namespace(namespace);
    }
    if (namespace == null
        && reader.namespaces().contains(name)
        && reader.find(null, name) instanceof WorkloadLookup.NotFound) {
      return namespace(name); // "status of staging": the name is a namespace
    }
    return switch (resolver.resolve(namespace, name)) {
      case Resolution.Reply r -> r.answer();
      case Resolution.Resolved r -> workload(r.workload());
    };
  }

  Answer workload(Workload w) {
    List<Pod> pods = reader.pods(w);
    String summary =
        w.ref()
            + ": "
            + w.ready()
            + "/"
            + w.desired()
            + " ready"
            + (w.healthy() ? "." : ", " + problemWord(w) + ".");
    List<Answer.Section> sections = new ArrayList<>();
    sections.add(Replies.section("Workload", List.of(reader.line(w))));
    sections.add(
        Replies.section(
            "Pods",
            pods.isEmpty() ? List.of("no pods match the selector") : reader.podLines(pods)));
    List<Event> warnings =
        reader.events(w.namespace(), w.kind(), w.name()).stream()
            .filter(e -> "Warning".equals(e.getType()))
            .toList();
    if (!warnings.isEmpty()) {
      sections.add(Replies.code("Warning events", reader.eventLines(warnings, EVENT_LINES)));
    }
    return Replies.of(summary, sections);
  }

  private Answer namespace(String namespace) {
    if (!reader.namespaceExists(namespace)) {
      return Replies.text(
          "There is no namespace "
              + namespace
              + " in cluster "
              + cluster
              + ". Namespaces: "
              + String.join(", ", reader.namespaces())
              + ".");
    }
    List<Workload> workloads = reader.workloads(namespace);
    long broken = workloads.stream().filter(w -> !w.healthy()).count();
    String summary =
        "namespace "
            + namespace
            + ": "
            + workloads.size()
            + " workloads, "
            + (broken == 0 ? "all healthy." : broken + " with problems.");
    return Replies.of(
        summary, List.of(Replies.section("Workloads", reader.workloadLines(namespace))));
  }

  private Answer cluster() {
    List<Workload> broken = reader.workloads(null).stream().filter(w -> !w.healthy()).toList();
    var nodes = reader.nodes();
    long badNodes = nodes.stream().filter(NodeText::problem).count();
    String summary =
        "cluster "
            + cluster
            + ": "
            + nodes.size()
            + " nodes"
            + (badNodes == 0 ? "" : " (" + badNodes + " with problems)")
            + ", "
            + (broken.isEmpty()
                ? "no unhealthy workloads."
                : broken.size() + " unhealthy workloads.");
    List<Answer.Section> sections = new ArrayList<>();
    if (!broken.isEmpty()) {
      sections.add(
          Replies.section(
              "Unhealthy workloads",
              broken.stream()
                  .map(reader::line)
                  .limit(lookout.agent.cluster.Capped.MAX_LINES)
                  .toList()));
    }
    sections.add(Replies.section("Nodes", reader.nodeLines(nodes)));
    return Replies.of(summary, sections);
  }

  private static String problemWord(Workload w) {
    if (!w.failing().isEmpty()) {
      return String.join(", ", w.failing());
    }
    return (w.desired() - w.ready()) + " not ready";
  }
}
