package lookout.agent.inspect;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Progress;
import lookout.agent.Question;
import lookout.agent.Stage;
import lookout.agent.UnderstoodQuestion;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.grammar.CheckupRequest;
import lookout.agent.grammar.RuleCommandParser;

/**
 * Answers check-up and capacity requests ({@link CheckupRequest}) and hands everything else to the
 * agent it wraps (offline or LLM), so both answer "inspect prod" the same deterministic way.
 */
public final class CheckupAgent implements Agent, Stage {
  private final Stage next;
  private final Map<String, Checkups> clusters;
  private final String defaultCluster;

  /** What one cluster offers: its reader, its inspector and its capacity views. */
  public record Checkups(ClusterReader reader, Inspector inspector, Capacity capacity) {}

  /** Capacity answers (resources, top, forecast); implemented over metrics. */
  public interface Capacity {
    /**
     * @param language the question's language: charts are drawn in it ({@link
     *     java.util.Locale#SIMPLIFIED_CHINESE} or {@link java.util.Locale#ENGLISH})
     */
    Answer answer(CheckupRequest.Kind kind, String namespace, java.util.Locale language);
  }

  private final InspectionHistory history;
  private final ReportWriter writer;

  public CheckupAgent(
      Agent next,
      Map<String, Checkups> clusters,
      String defaultCluster,
      InspectionHistory history) {
    this(q -> next.ask(q.question()), clusters, defaultCluster, history, ReportWriter.NONE);
  }

  /**
   * @param writer puts a prose summary on top of check-ups (a model), or {@link ReportWriter#NONE}
   */
  public CheckupAgent(
      Stage next,
      Map<String, Checkups> clusters,
      String defaultCluster,
      InspectionHistory history,
      ReportWriter writer) {
    this.next = Objects.requireNonNull(next, "next");
    this.clusters = Map.copyOf(clusters);
    this.defaultCluster = Objects.requireNonNull(defaultCluster, "defaultCluster");
    this.history = Objects.requireNonNull(history, "history");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /** Reads the question itself; in the agent chain, {@link #answer(UnderstoodQuestion)} is used. */
  @Override
  public Answer ask(Question question) {
    return answer(
        new UnderstoodQuestion(
            question, question.text(), new RuleCommandParser().read(question.text())));
  }

  @Override
  public Answer answer(UnderstoodQuestion question) {
    return answer(question, Progress.NONE);
  }

  /** Anything but a check-up goes down the chain with its progress. */
  @Override
  public Answer answer(UnderstoodQuestion question, Progress progress) {
    Optional<CheckupRequest> request = question.reading().checkup();
    if (request.isEmpty()) {
      return next.answer(question, progress);
    }
    try {
      return answer(request.get(), chinese(question.question().text()));
    } catch (RuntimeException e) {
      return Answer.text("The check-up failed: " + e.getMessage());
    }
  }

  private Answer answer(CheckupRequest r, boolean chinese) {
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
      Comparison comparison = compare(c.inspector(), namespace, history);
      return InspectionAnswers.summarized(
          InspectionAnswers.whole(comparison), comparison, writer, chinese);
    }
    if (c.capacity() == null) {
      return Answer.text(
          "Resource analysis needs metrics: configure Prometheus for cluster " + cluster + ".");
    }
    return c.capacity()
        .answer(
            r.kind(),
            namespace,
            chinese ? java.util.Locale.SIMPLIFIED_CHINESE : java.util.Locale.ENGLISH);
  }

  /** True for text with Han characters: the reply's language follows the question's. */
  public static boolean chinese(String text) {
    return text.codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
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
