package lookout.agent.inspect;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.cluster.ClusterReader;

/**
 * Answers check-up and capacity requests ({@link CheckupRequest}) and hands everything else to the
 * agent it wraps (offline or LLM), so both answer "inspect prod" the same deterministic way.
 */
public final class CheckupAgent implements Agent {
  private final Agent next;
  private final Map<String, Checkups> clusters;
  private final String defaultCluster;

  /** What one cluster offers: its reader, its inspector and its capacity views. */
  public record Checkups(ClusterReader reader, Inspector inspector, Capacity capacity) {}

  /** Capacity answers (resources, top, forecast); implemented over metrics. */
  public interface Capacity {
    Answer answer(CheckupRequest.Kind kind, String namespace);
  }

  private final InspectionHistory history;

  public CheckupAgent(
      Agent next,
      Map<String, Checkups> clusters,
      String defaultCluster,
      InspectionHistory history) {
    this.next = Objects.requireNonNull(next, "next");
    this.clusters = Map.copyOf(clusters);
    this.defaultCluster = Objects.requireNonNull(defaultCluster, "defaultCluster");
    this.history = Objects.requireNonNull(history, "history");
  }

  @Override
  public Answer ask(Question question) {
    Optional<CheckupRequest> request = CheckupRequest.parse(question.text());
    if (request.isEmpty()) {
      return next.ask(question);
    }
    try {
      return answer(request.get());
    } catch (RuntimeException e) {
      return Answer.text("The check-up failed: " + e.getMessage());
    }
  }

  private Answer answer(CheckupRequest r) {
    String scope = r.scope();
    String cluster = scope != null && clusters.containsKey(scope) ? scope : defaultCluster;
    String namespace = scope != null && !clusters.containsKey(scope) ? scope : null;
    Checkups c = clusters.get(cluster);
    if (c == null) {
      return Answer.text("No cluster named " + cluster + " is configured.");
    }
    if (namespace != null && !c.reader().namespaceExists(namespace)) {
      return Answer.text(
          "There is no cluster or namespace named "
              + namespace
              + ". Clusters: "
              + String.join(", ", clusters.keySet().stream().sorted().toList())
              + "; namespaces in "
              + cluster
              + ": "
              + String.join(", ", c.reader().namespaces())
              + ".");
    }
    if (r.kind() == CheckupRequest.Kind.INSPECT) {
      return inspect(c.inspector(), namespace);
    }
    if (c.capacity() == null) {
      return Answer.text(
          "Resource analysis needs metrics: configure Prometheus for cluster " + cluster + ".");
    }
    return c.capacity().answer(r.kind(), namespace);
  }

  /** Runs a check-up, compares it with the last one of the same scope and remembers it. */
  public Answer inspect(Inspector inspector, String namespace) {
    Comparison comparison = compare(inspector, namespace, history);
    return InspectionAnswers.whole(comparison);
  }

  /** A check-up compared with the last one of its scope; the new one becomes the last. */
  public static Comparison compare(
      Inspector inspector, String namespace, InspectionHistory history) {
    InspectionReport report = inspector.inspect(namespace);
    Comparison comparison = Comparison.of(report, history.last(report.scope()));
    history.save(comparison.snapshot());
    return comparison;
  }
}
