package lookout.agent.diagnosis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.Finding;
import lookout.agent.analyzers.ObjectRef;

/**
 * What is wrong with one target, ranked: the verdict, the one-sentence headline, the root cause and
 * what it rests on, the other independent problems, and what was explained or left out.
 *
 * @param headline the first line of an answer: the root cause in one sentence naming the target
 * @param cause the root cause, empty when the target is healthy or recovered
 * @param deeper causes about objects the root cause blames (the node a pod is lost on), in order
 * @param others other independent causes and unexplained symptoms, most important first
 * @param explained symptoms the causes account for (a rollout that stopped because pods crash)
 * @param notes findings that are not failures now (the restarts a recovered target had)
 * @param state wanted and ready replicas, for kinds that have them
 * @param unreadable kinds that could not be read, with the missing permission
 */
public record Diagnosis(
    ObjectRef target,
    Verdict verdict,
    String headline,
    Optional<Finding> cause,
    List<Finding> deeper,
    List<Finding> others,
    List<Finding> explained,
    List<Finding> notes,
    Optional<TargetState> state,
    List<String> unreadable,
    ClusterFacts facts) {
  public Diagnosis {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(cause, "cause");
    deeper = List.copyOf(deeper);
    others = List.copyOf(others);
    explained = List.copyOf(explained);
    notes = List.copyOf(notes);
    Objects.requireNonNull(state, "state");
    unreadable = List.copyOf(unreadable);
  }

  public enum Verdict {
    /** Something the target depends on fails now. */
    BROKEN,
    /** Nothing fails now, but it restarted or failed recently. */
    RECOVERED,
    /** Everything wanted is ready and nothing failed recently. */
    HEALTHY
  }

  /** Every relevant failure in rank order: the cause, its deeper causes, then the others. */
  public List<Finding> failures() {
    return java.util.stream.Stream.of(cause.stream().toList(), deeper, others)
        .flatMap(List::stream)
        .toList();
  }
}
