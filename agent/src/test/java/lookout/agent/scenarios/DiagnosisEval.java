package lookout.agent.scenarios;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.offline.OfflineAgent;
import lookout.agent.sandbox.ScenarioApiServer;

/**
 * The scenario library scored on diagnosis alone: each scenario's target is taken from its
 * questions (the object whose name they mention, the way a resolver would find it) and handed
 * straight to the {@link lookout.agent.offline.Diagnoser}; the answer is judged by the scenario's
 * expectations. Separates "did the engine find the root cause" from "was the question understood",
 * which the full library ({@link ScenarioEval}) measures together.
 *
 * <p>Run with the agent's test classpath: {@code java -cp … lookout.agent.scenarios.DiagnosisEval
 * [main|frozen] [only]}; {@code -Dscenarios.transcript=true} prints every answer.
 */
public final class DiagnosisEval {
  /** Kinds a question may name, the more specific first when two names match equally well. */
  private static final List<String> KINDS =
      List.of(
          "Deployment",
          "StatefulSet",
          "DaemonSet",
          "CronJob",
          "Job",
          "Service",
          "Ingress",
          "HorizontalPodAutoscaler",
          "PersistentVolumeClaim",
          "Node",
          "Pod");

  private DiagnosisEval() {}

  public static void main(String[] args) {
    String part = args.length > 0 ? args[0] : "main";
    String only = args.length > 1 ? args[1] : "";
    ScenarioLoader loader = new ScenarioLoader(ScenarioLoader.classpathRoot(), Instant.now());
    List<Outcome> outcomes = new ArrayList<>();
    long start = System.nanoTime();
    for (Scenario s : loader.part(part)) {
      if (only.isEmpty() || s.id().contains(only) || s.failureClass().contains(only)) {
        outcomes.add(run(s));
      }
    }
    Scorecard card = new Scorecard(part, outcomes, (System.nanoTime() - start) / 1_000_000);
    if (Boolean.getBoolean("scenarios.transcript")) {
      System.out.println(card.transcript());
    }
    System.out.println(card.render(true));
  }

  static Outcome run(Scenario scenario) {
    Probe first = scenario.probes().getFirst();
    Optional<ObjectRef> target = target(scenario);
    if (target.isEmpty()) {
      return new Outcome(
          scenario, first, "", List.of("no target named in the questions"), List.of(), null, 0);
    }
    long t0 = System.nanoTime();
    try (ScenarioApiServer server = ScenarioApiServer.start(scenario.objects(), scenario.logs())) {
      OfflineAgent agent =
          new OfflineAgent(
              AgentUnderTest.CLUSTER,
              server.client(),
              new RuleCommandParser(),
              Analyzers.all(),
              null);
      Answer answer = agent.diagnoser().diagnose(target.get());
      String text = "[diagnose " + target.get() + "]\n" + AnswerText.of(answer);
      var writes =
          server.takeRequests().stream().filter(ScenarioApiServer.Request::writes).toList();
      return new Outcome(
          scenario,
          new Probe("[" + target.get() + "] " + first.text(), first.expect()),
          text,
          first.expect().problems(text),
          writes,
          null,
          (System.nanoTime() - t0) / 1_000_000);
    } catch (RuntimeException e) {
      return new Outcome(scenario, first, "", List.of("threw " + e), List.of(), null, 0);
    }
  }

  /** The object the questions name most often (longest name first on ties). */
  static Optional<ObjectRef> target(Scenario scenario) {
    List<String> questions =
        scenario.probes().stream()
            .map(p -> p.text().toLowerCase(Locale.ROOT))
            .map(t -> t + " " + t.replace(' ', '-'))
            .toList();
    record Candidate(ObjectRef ref, long hits, int kind) {}
    List<Candidate> candidates = new ArrayList<>();
    for (HasMetadata o : scenario.objects()) {
      int kind = KINDS.indexOf(o.getKind());
      String name = o.getMetadata().getName();
      if (kind < 0 || name == null) {
        continue;
      }
      long hits = questions.stream().filter(q -> q.contains(name.toLowerCase(Locale.ROOT))).count();
      if (hits > 0) {
        candidates.add(
            new Candidate(
                new ObjectRef(o.getKind(), o.getMetadata().getNamespace(), name), hits, kind));
      }
    }
    return candidates.stream()
        .sorted(
            Comparator.comparingLong((Candidate c) -> -c.hits())
                .thenComparingInt(c -> -c.ref().name().length())
                .thenComparingInt(Candidate::kind))
        .map(Candidate::ref)
        .findFirst();
  }
}
