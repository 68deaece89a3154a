package lookout.agent.diagnosis;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lookout.agent.analyzers.Analyzer;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.EvictionAnalyzer;
import lookout.agent.analyzers.Finding;
import lookout.agent.analyzers.LogSource;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.RecentRestartsAnalyzer;
import lookout.agent.cluster.FactsGatherer;
import lookout.agent.cluster.PodText;

/**
 * The one diagnosis path: facts along the target's dependencies, the analyzer catalog over them,
 * the findings ranked into a {@link Diagnosis}. The offline agent, the LLM's investigate and
 * problem-pods tools and the check-ups all go through here. Reads the cluster; never writes.
 */
public final class DiagnosisEngine {
  /** Reasons of notes that mean "failed earlier, fine now": the verdict is then recovered. */
  static final java.util.Set<String> PAST_FAILURES =
      java.util.Set.of(RecentRestartsAnalyzer.REASON, EvictionAnalyzer.REASON);

  private final FactsGatherer gatherer;
  private final Analyzer analyzers;
  private final Clock clock;
  private final UpstreamStep upstream;

  public DiagnosisEngine(FactsGatherer gatherer, List<Analyzer> analyzers, Clock clock) {
    this(Objects.requireNonNull(gatherer, "gatherer"), analyzers, clock, true);
  }

  private DiagnosisEngine(
      FactsGatherer gatherer, List<Analyzer> analyzers, Clock clock, boolean unused) {
    this.gatherer = gatherer;
    this.analyzers = Analyzers.combined(analyzers);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.upstream = new UpstreamStep(gatherer, this::rank, this::findings);
  }

  /**
   * An engine that ranks facts gathered elsewhere ({@link #rank}, {@link #findings}) and reads
   * nothing itself.
   */
  public static DiagnosisEngine ranking(List<Analyzer> analyzers, Clock clock) {
    return new DiagnosisEngine(null, analyzers, clock, true);
  }

  /** Diagnoses {@code target} (which exists), reading logs through {@code logs}. */
  public Diagnosis diagnose(ObjectRef target, LogSource logs) {
    if (gatherer == null) {
      throw new IllegalStateException("this engine only ranks facts it is given");
    }
    FactsGatherer.Gathered gathered = gatherer.gather(target, logs);
    Diagnosis own = rank(gathered.facts(), gathered.unreadable());
    return upstream.apply(own, logs);
  }

  /** Every finding of the catalog over {@code facts}, most severe first. */
  public List<Finding> findings(ClusterFacts facts) {
    return analyzers.analyze(facts);
  }

  public FactsGatherer gatherer() {
    return gatherer;
  }

  /** Runs the catalog over {@code facts} and ranks what it found for the facts' target. */
  public Diagnosis rank(ClusterFacts facts, List<String> unreadable) {
    ObjectRef target = Objects.requireNonNull(facts.target(), "facts without a target");
    List<Finding> findings = new ArrayList<>();
    List<String> gaps = new ArrayList<>(unreadable);
    facts.related().gaps().forEach(g -> gaps.add("Lookout " + g.sentence()));
    for (Finding f : findings(facts)) {
      if (f.analyzer().equals("ReadGaps")) {
        continue; // the gaps are listed as such, from the facts
      }
      if (f.subject().startsWith(Analyzers.FAILED_SUBJECT)) {
        gaps.add(f.summary()); // an analyzer that threw is a gap in the diagnosis, not a finding
      } else {
        findings.add(f);
      }
    }
    unreadable = gaps;
    Dependencies deps = Dependencies.of(facts);
    Ranking ranking = Ranking.of(deps, findings);
    Optional<TargetState> state = TargetState.of(target, facts);
    List<Finding> others = new ArrayList<>();
    if (!ranking.causes().isEmpty()) {
      Finding first = ranking.causes().getFirst();
      List<Finding> deeper = chain(ranking, first);
      Finding cause = PodNodes.placed(target, first, facts);
      others.addAll(ranking.causes().subList(1, ranking.causes().size()));
      others.addAll(ranking.unexplained());
      return new Diagnosis(
          target,
          Diagnosis.Verdict.BROKEN,
          Headline.broken(target, cause, deeper, ranking.explained(), deps),
          Optional.of(cause),
          deeper,
          others,
          ranking.explained(),
          ranking.notes(),
          state,
          unreadable,
          facts);
    }
    List<Finding> symptoms = new ArrayList<>(ranking.unexplained());
    if (symptoms.isEmpty() && state.isPresent() && !state.get().allReady()) {
      symptoms.add(notReady(target, state.get(), facts)); // 0/N ready is never healthy
    }
    if (!symptoms.isEmpty()) {
      Finding top = PodNodes.placed(target, symptoms.getFirst(), facts);
      return new Diagnosis(
          target,
          Diagnosis.Verdict.BROKEN,
          Headline.symptom(target, top, deps),
          Optional.of(top),
          List.of(),
          symptoms.subList(1, symptoms.size()),
          ranking.explained(),
          ranking.notes(),
          state,
          unreadable,
          facts);
    }
    Optional<Finding> restart =
        ranking.notes().stream().filter(f -> PAST_FAILURES.contains(f.reason())).findFirst();
    String headline =
        restart
            .map(r -> Headline.recovered(target, r, state))
            .orElseGet(
                () ->
                    Headline.healthy(
                        target,
                        state,
                        ranking.notes().stream()
                            .filter(f -> target.equals(f.about()))
                            .findFirst()));
    return new Diagnosis(
        target,
        restart.isPresent() ? Diagnosis.Verdict.RECOVERED : Diagnosis.Verdict.HEALTHY,
        headline,
        Optional.empty(),
        List.of(),
        List.of(),
        ranking.explained(),
        ranking.notes(),
        state,
        unreadable,
        facts);
  }

  /** The causes under {@code cause}: what it blames, what those blame, without repeats. */
  private static List<Finding> chain(Ranking ranking, Finding cause) {
    List<Finding> out = new ArrayList<>();
    List<Finding> todo = new ArrayList<>(ranking.deeper().getOrDefault(cause, List.of()));
    while (!todo.isEmpty()) {
      Finding next = todo.removeFirst();
      if (!out.contains(next) && next != cause) {
        out.add(next);
        todo.addAll(ranking.deeper().getOrDefault(next, List.of()));
      }
    }
    return out;
  }

  /** What the engine says when replicas are missing and no analyzer says why. */
  private Finding notReady(ObjectRef target, TargetState state, ClusterFacts facts) {
    Finding.Builder b =
        Finding.builder(Finding.Severity.WARNING, "NotReady", target)
            .role(Finding.Role.SYMPTOM)
            .reason("NotReady")
            .summary(
                "is not ready: "
                    + state.text()
                    + (facts.pods().isEmpty()
                        ? ", and it has no pods"
                        : "; no pod status, event or log line explains it"));
    for (Pod p : facts.pods().stream().limit(5).toList()) {
      b.evidence("pod " + PodText.line(p, clock.instant()));
    }
    if (facts.pods().isEmpty()) {
      b.fix(
          "check that the selector matches the pod template's labels and that pods can be created"
              + " (events of the controller)");
    } else {
      b.fix(
          "read the pods' logs and describe output; the containers may be waiting on a dependency");
    }
    return b.build();
  }
}
