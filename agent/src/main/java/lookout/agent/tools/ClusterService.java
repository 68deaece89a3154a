package lookout.agent.tools;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import lookout.agent.analyzers.ErrorLines;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.LogTail;
import lookout.agent.cluster.PodText;
import lookout.agent.cluster.Workload;

/**
 * Cluster reads as compact text for the model: one line per object, worst first, never JSON. Each
 * method answers within {@link Budget#DEFAULT_BYTES} (the caller cuts) and turns a failed read into
 * an {@code ERROR: …} line rather than an exception.
 */
public final class ClusterService {
  static final int EVENT_LINES = 15;
  static final int LOG_LINES = 100;
  static final int ERROR_LINES = 25;

  private final String cluster;
  private final ClusterReader reader;
  private final Targets targets;

  public ClusterService(String cluster, ClusterReader reader) {
    this.cluster = cluster;
    this.reader = reader;
    this.targets = new Targets(reader);
  }

  public String cluster() {
    return cluster;
  }

  ClusterReader reader() {
    return reader;
  }

  Targets targets() {
    return targets;
  }

  public String workloads(String namespace) {
    String ns = Targets.blank(namespace) ? null : namespace;
    return text(reader.workloadLines(ns));
  }

  public String describeWorkload(String namespace, String name) {
    return switch (targets.workload(namespace, name)) {
      case Targets.Problem p -> p.text();
      case Targets.Found f -> {
        Workload w = f.workload();
        List<String> out = new ArrayList<>();
        out.add(reader.line(w));
        out.add("images: " + String.join(", ", w.images()));
        List<Pod> pods = reader.pods(w);
        out.add("pods (worst first):");
        out.addAll(reader.podLines(pods.stream().limit(10).toList()));
        if (!pods.isEmpty()) {
          out.addAll(ContainerText.lines(pods.get(0)));
        }
        out.add("events:");
        out.addAll(eventLines(w.namespace(), w.name()));
        yield text(out);
      }
    };
  }

  public String pods(String namespace, String workload) {
    if (!Targets.blank(workload)) {
      return switch (targets.workload(namespace, workload)) {
        case Targets.Problem p -> p.text();
        case Targets.Found f -> text(reader.podLines(reader.pods(f.workload())));
      };
    }
    if (Targets.blank(namespace)) {
      return "NO_DATA: name a namespace or a workload; namespaces: " + reader.namespaces();
    }
    return text(reader.podLines(reader.pods(namespace)));
  }

  public String describePod(String namespace, String pod) {
    Pod p = findPod(namespace, pod);
    if (p == null) {
      return "NOT_FOUND: no pod " + pod + (Targets.blank(namespace) ? "" : " in " + namespace);
    }
    List<String> out = new ArrayList<>();
    out.add(PodText.line(p, reader.now()));
    out.add("namespace=" + p.getMetadata().getNamespace() + " owner=" + owner(p));
    if (p.getStatus() != null && p.getStatus().getConditions() != null) {
      p.getStatus().getConditions().stream()
          .filter(c -> !"True".equals(c.getStatus()))
          .forEach(c -> out.add("condition " + c.getType() + "=False " + nz(c.getMessage())));
    }
    out.addAll(ContainerText.lines(p));
    out.add("events:");
    out.addAll(eventLines(p.getMetadata().getNamespace(), p.getMetadata().getName()));
    return text(out);
  }

  /** Events of a namespace, or of the objects whose name starts with {@code name}. */
  public String events(String namespace, String name) {
    if (Targets.blank(namespace)) {
      return "NO_DATA: name the namespace; namespaces: " + reader.namespaces();
    }
    return text(eventLines(namespace, Targets.blank(name) ? null : name));
  }

  /**
   * A container's log: the tail with repeats folded, or only error lines (plus the last words).
   *
   * @param pod a pod name, or a workload name (its worst pod is read)
   */
  public String logs(
      String namespace, String pod, String container, boolean previous, boolean errorsOnly) {
    Pod p = findPod(namespace, pod);
    if (p == null) {
      if (targets.workload(namespace, pod) instanceof Targets.Found f) {
        p = reader.pods(f.workload()).stream().findFirst().orElse(null);
      }
      if (p == null) {
        return "NOT_FOUND: no pod or workload " + pod;
      }
    }
    String ns = p.getMetadata().getNamespace();
    String name = p.getMetadata().getName();
    LogTail tail =
        reader
            .logs()
            .read(ns, name, Targets.blank(container) ? null : container, previous, LOG_LINES * 2);
    if (tail.unavailable() != null) {
      return "NO_DATA: log of " + name + " unavailable: " + tail.unavailable();
    }
    List<String> lines =
        errorsOnly ? ErrorLines.extract(tail.lines(), ERROR_LINES) : Folding.fold(tail.lines());
    if (!errorsOnly && lines.size() > LOG_LINES) {
      lines = lines.subList(lines.size() - LOG_LINES, lines.size());
    }
    List<String> out = new ArrayList<>();
    out.add(
        "log of "
            + ns
            + "/"
            + name
            + " container "
            + tail.container()
            + (previous ? " (previous instance)" : "")
            + (errorsOnly ? ", error lines only" : ", last lines, repeats folded"));
    out.addAll(lines.isEmpty() ? List.of("(empty)") : lines);
    return text(out);
  }

  public String nodes() {
    return text(reader.nodeLines(reader.nodes()));
  }

  public String rollout(String namespace, String name) {
    return switch (targets.workload(namespace, name)) {
      case Targets.Problem p -> p.text();
      case Targets.Found f -> {
        Workload w = f.workload();
        List<String> out = new ArrayList<>();
        out.add(
            w.ref()
                + " desired="
                + w.desired()
                + " updated="
                + w.upToDate()
                + " ready="
                + w.ready()
                + " available="
                + w.available()
                + (w.upToDate() < w.desired() ? " — rollout in progress or stuck" : " — complete"));
        List<String> sets = reader.replicaSets(w, 3);
        if (!sets.isEmpty()) {
          out.add("replicasets newest first: " + String.join(", ", sets));
        }
        out.add("events:");
        out.addAll(eventLines(w.namespace(), w.name()));
        yield text(out);
      }
    };
  }

  List<String> eventLines(String namespace, String namePrefix) {
    List<Event> events =
        reader.events(namespace).stream()
            .filter(
                e ->
                    namePrefix == null
                        || e.getInvolvedObject() != null
                            && e.getInvolvedObject().getName() != null
                            && e.getInvolvedObject().getName().startsWith(namePrefix))
            .toList();
    List<String> lines = reader.eventLines(events, EVENT_LINES);
    return lines.isEmpty() ? List.of("(no events)") : lines;
  }

  Pod findPod(String namespace, String pod) {
    if (Targets.blank(pod)) {
      return null;
    }
    if (!Targets.blank(namespace)) {
      return reader.pods(namespace).stream()
          .filter(p -> p.getMetadata().getName().equals(pod))
          .findFirst()
          .orElse(null);
    }
    for (String ns : reader.namespaces()) {
      for (Pod p : reader.pods(ns)) {
        if (p.getMetadata().getName().equals(pod)) {
          return p;
        }
      }
    }
    return null;
  }

  static String owner(Pod p) {
    List<OwnerReference> refs = p.getMetadata().getOwnerReferences();
    if (refs == null || refs.isEmpty()) {
      return "none";
    }
    return refs.get(0).getKind() + "/" + refs.get(0).getName();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static String text(List<String> lines) {
    return lines.isEmpty() ? "NO_DATA: nothing found" : String.join("\n", lines);
  }
}
