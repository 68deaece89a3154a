package lookout.agent.tools;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lookout.agent.analyzers.Analyzer;
import lookout.agent.analyzers.ArchivedLogs;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.ErrorLines;
import lookout.agent.analyzers.Finding;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.Related;
import lookout.agent.cluster.ClusterLogs;
import lookout.agent.cluster.FactsGatherer;
import lookout.agent.cluster.LogTail;
import lookout.agent.cluster.NodeText;
import lookout.agent.cluster.PodText;
import lookout.agent.cluster.Workload;
import lookout.agent.diagnosis.Diagnosis;
import lookout.agent.diagnosis.DiagnosisEngine;
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

  /** Finding lines one problem-pods answer carries; the model can narrow by namespace. */
  static final int MAX_LINES = 60;

  private final ClusterService cluster;
  private final MetricsService metrics;
  private final DiagnosisEngine engine;

  public Investigator(ClusterService cluster, MetricsService metrics, List<Analyzer> analyzers) {
    this.cluster = cluster;
    this.metrics = metrics;
    this.engine =
        new DiagnosisEngine(
            new FactsGatherer(cluster.cluster(), cluster.reader()), analyzers, Clock.systemUTC());
  }

  public String investigate(String namespace, String name) {
    return switch (cluster.targets().workload(namespace, name)) {
      case Targets.Problem p -> p.text();
      case Targets.Found f -> bundle(f.workload());
    };
  }

  /**
   * Findings of the catalog over the problem pods of a namespace (or of every namespace), most
   * severe first. Cluster-wide it reads only caches: problem pods from the pod informer, then for
   * each namespace that has some, its Warning events and claims and the nodes from their informers;
   * no logs (ask investigate about one workload for those).
   */
  public String problems(String namespace) {
    var reader = cluster.reader();
    var problemPods = reader.problemPods(Targets.blank(namespace) ? null : namespace);
    List<Node> nodes = problemPods.isEmpty() ? List.of() : reader.nodes();
    List<Finding> found = new ArrayList<>();
    problemPods.forEach(
        (ns, pods) -> {
          ClusterFacts facts =
              new ClusterFacts(
                  cluster.cluster(),
                  new ObjectRef("Namespace", null, ns),
                  pods,
                  reader.warnings(ns),
                  reader.claims(ns),
                  nodes,
                  Related.none(),
                  null);
          engine.findings(facts).stream()
              .filter(f -> f.severity() != Finding.Severity.INFO)
              .forEach(found::add);
        });
    List<String> out =
        found.stream()
            .sorted(java.util.Comparator.comparing(Finding::severity))
            .map(f -> f.severity() + " " + f.sentence() + " (" + f.reason() + ")")
            .toList();
    if (out.size() > MAX_LINES) {
      List<String> cut = new ArrayList<>(out.subList(0, MAX_LINES));
      cut.add("(" + (out.size() - MAX_LINES) + " more findings; name a namespace to see them)");
      out = cut;
    }
    return out.isEmpty() ? "no problem pods found" : String.join("\n", out);
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
    List<String> gone = goneLogs(w, pods);
    if (!gone.isEmpty()) {
      out.add("LOG ERRORS OF GONE PODS:");
      out.addAll(gone);
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
              + (tail.from() == null ? "" : " (from " + tail.from() + ")")
              + ":");
      List<String> errors = ErrorLines.extract(tail.lines(), ERRORS);
      out.addAll(errors.isEmpty() ? List.of("(no error lines)") : errors);
      return out;
    } catch (RuntimeException e) {
      return List.of("LOG " + name + ": " + e.getMessage());
    }
  }

  /** Error lines of the workload's pods that are gone (evicted, replaced, finished), from Loki. */
  private List<String> goneLogs(Workload w, List<Pod> live) {
    try {
      List<String> out = new ArrayList<>();
      ArchivedLogs.gone(
              cluster.reader().logs().archive(),
              w.kind(),
              w.namespace(),
              w.name(),
              ArchivedLogs.withLogs(live))
          .forEach(
              p -> {
                out.add(p.heading() + ":");
                out.addAll(p.errors());
              });
      return out;
    } catch (RuntimeException e) {
      return List.of("(" + e.getMessage() + ")");
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

  /** The diagnosis: the root cause in one line, its fix, and the other problems. */
  private List<String> findings(Workload w) {
    try {
      Diagnosis d =
          engine.diagnose(
              new ObjectRef(w.kind(), w.namespace(), w.name()), cluster.reader().logs());
      List<String> out = new ArrayList<>();
      out.add(d.verdict() + ": " + d.headline());
      d.cause().ifPresent(c -> c.fixes().stream().limit(2).forEach(f -> out.add("FIX " + f)));
      d.deeper().forEach(f -> out.add("BEHIND IT " + f.sentence()));
      d.others().stream()
          .limit(3)
          .forEach(f -> out.add("ALSO " + f.severity() + " " + f.sentence()));
      d.unreadable().forEach(u -> out.add("NOT READ " + u));
      return out;
    } catch (RuntimeException e) {
      return List.of("diagnosis failed: " + e.getMessage());
    }
  }
}
