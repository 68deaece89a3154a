package lookout.agent.tools;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import lookout.agent.analyzers.Analyzer;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.analyzers.ErrorLines;
import lookout.agent.analyzers.Finding;
import lookout.agent.cluster.ClusterLogs;
import lookout.agent.cluster.FactsGatherer;
import lookout.agent.cluster.LogTail;
import lookout.agent.cluster.NodeText;
import lookout.agent.cluster.PodText;
import lookout.agent.cluster.Workload;
import lookout.agent.metrics.MetricsService;

/**
 * The "investigate" bundle: everything a first look at a workload needs in one call — status, the
 * worst pods, the worst pod's containers (limits, last exit), owner chain, recent events, the error
 * lines of its log (the previous instance when it restarted), its node's condition, what the
 * analyzers conclude, and key metrics. One call instead of six keeps a typical question within
 * three model round trips and the prompt small.
 */
public final class Investigator {
  static final int PODS = 3;
  static final int EVENTS = 8;
  static final int ERRORS = 12;

  /** Namespaces one problem-pods scan looks at in full (events, claims, logs of each). */
  static final int MAX_NAMESPACES = 20;

  private final ClusterService cluster;
  private final MetricsService metrics;
  private final Analyzer analyzers;

  public Investigator(ClusterService cluster, MetricsService metrics, List<Analyzer> analyzers) {
    this.cluster = cluster;
    this.metrics = metrics;
    this.analyzers = Analyzers.combined(analyzers);
  }

  public String investigate(String namespace, String name) {
    return switch (cluster.targets().workload(namespace, name)) {
      case Targets.Problem p -> p.text();
      case Targets.Found f -> bundle(f.workload());
    };
  }

  /** Findings of every analyzer over a namespace (or every namespace), most severe first. */
  public String problems(String namespace) {
    List<String> namespaces =
        Targets.blank(namespace)
            ? troubledFirst(cluster.reader().namespaces())
            : List.of(namespace);
    List<String> out = new ArrayList<>();
    FactsGatherer gatherer = new FactsGatherer(cluster.cluster(), cluster.reader());
    List<Node> nodes = cluster.reader().nodes();
    for (String ns : namespaces.stream().limit(MAX_NAMESPACES).toList()) {
      analyzers.analyze(gatherer.forNamespace(ns, cluster.reader().logs(), nodes)).stream()
          .filter(f -> f.severity() != Finding.Severity.INFO)
          .forEach(f -> out.add(f.severity() + " " + ns + " " + f.subject() + ": " + f.summary()));
    }
    if (namespaces.size() > MAX_NAMESPACES) {
      out.add(
          "(scanned the "
              + MAX_NAMESPACES
              + " namespaces with unready pods first, of "
              + namespaces.size()
              + "; name a namespace to see the rest)");
    }
    return out.isEmpty() ? "no problem pods found" : String.join("\n", out);
  }

  /**
   * Namespaces with unready pods first (read from the pod cache, cheap), so the scan limit never
   * hides a broken namespace behind healthy ones that sort earlier.
   */
  private List<String> troubledFirst(List<String> all) {
    List<String> troubled = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String ns : all) {
      (cluster.reader().pods(ns).stream().anyMatch(Investigator::unready) ? troubled : rest)
          .add(ns);
    }
    troubled.addAll(rest);
    return troubled;
  }

  static boolean unready(Pod pod) {
    var status = pod.getStatus();
    if (status == null || status.getPhase() == null) {
      return true;
    }
    if (status.getPhase().equals("Succeeded")) {
      return false;
    }
    if (!status.getPhase().equals("Running")) {
      return true;
    }
    return status.getContainerStatuses() == null
        || status.getContainerStatuses().stream().anyMatch(c -> !Boolean.TRUE.equals(c.getReady()));
  }

  private String bundle(Workload w) {
    var reader = cluster.reader();
    List<String> out = new ArrayList<>();
    out.add("TARGET " + reader.line(w) + " cluster=" + cluster.cluster());
    List<Pod> pods = reader.pods(w);
    out.add("PODS (" + Math.min(PODS, pods.size()) + " worst of " + pods.size() + "):");
    out.addAll(reader.podLines(pods.stream().limit(PODS).toList()));
    Pod worst = pods.isEmpty() ? null : pods.get(0);
    if (worst != null) {
      out.add("OWNER " + ClusterService.owner(worst) + " ← " + w.kind() + "/" + w.name());
      out.addAll(ContainerText.lines(worst));
    }
    out.add("EVENTS (newest first):");
    out.addAll(cluster.eventLines(w.namespace(), w.name()).stream().limit(EVENTS).toList());
    if (worst != null) {
      out.addAll(logErrors(worst));
      node(worst).ifPresent(out::add);
    }
    out.add("FINDINGS:");
    out.addAll(findings(w));
    out.add("METRICS:");
    out.addAll(metrics.keyMetrics(w.namespace(), w.name()));
    return String.join("\n", out);
  }

  private List<String> logErrors(Pod pod) {
    boolean restarted = PodText.restarts(pod) > 0;
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    try {
      LogTail tail = cluster.reader().logs().read(ns, name, null, restarted, ClusterLogs.MAX_LINES);
      if (tail.unavailable() != null && restarted) {
        tail = cluster.reader().logs().read(ns, name, null, false, ClusterLogs.MAX_LINES);
        restarted = false;
      }
      if (tail.unavailable() != null) {
        return List.of("LOG " + name + ": unavailable (" + tail.unavailable() + ")");
      }
      List<String> out = new ArrayList<>();
      out.add(
          "LOG ERRORS "
              + name
              + "/"
              + tail.container()
              + (restarted ? " (previous instance)" : "")
              + ":");
      List<String> errors = ErrorLines.extract(tail.lines(), ERRORS);
      out.addAll(errors.isEmpty() ? List.of("(no error lines)") : errors);
      return out;
    } catch (RuntimeException e) {
      return List.of("LOG " + name + ": " + e.getMessage());
    }
  }

  private java.util.Optional<String> node(Pod pod) {
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    if (node == null || node.isBlank()) {
      return java.util.Optional.of("NODE none (pod not scheduled)");
    }
    return cluster.reader().nodes().stream()
        .filter(n -> n.getMetadata().getName().equals(node))
        .findFirst()
        .map((Node n) -> "NODE " + NodeText.line(n, cluster.reader().now()));
  }

  private List<String> findings(Workload w) {
    try {
      var facts = new FactsGatherer(cluster.cluster(), cluster.reader()).forWorkload(w);
      List<Finding> found = analyzers.analyze(facts);
      if (found.isEmpty()) {
        return List.of("no analyzer found a problem");
      }
      return found.stream()
          .limit(3)
          .map(f -> f.severity() + " " + f.analyzer() + " " + f.subject() + ": " + f.summary())
          .toList();
    } catch (RuntimeException e) {
      return List.of("analyzers failed: " + e.getMessage());
    }
  }
}
