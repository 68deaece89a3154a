package lookout.agent.scenarios;

import java.time.Instant;
import java.util.List;

/**
 * The evaluation command: runs the scenario library's parts against the offline agent and prints
 * per-class and overall scores and the failing questions.
 *
 * <p>Run: {@code ./mvnw -q -pl agent -am install -DskipTests && ./mvnw -pl agent -Pscenarios
 * verify}; {@code -Dscenarios.only=<text>} keeps the scenarios whose id or class contains it,
 * {@code -Dscenarios.transcript=true} prints every answer in full. Exits 1 when any question wrote
 * to the cluster or requested an action.
 */
public final class ScenarioEval {
  private ScenarioEval() {}

  public static void main(String[] args) {
    String only = System.getProperty("scenarios.only", "");
    ScenarioLoader loader = new ScenarioLoader(ScenarioLoader.classpathRoot(), Instant.now());
    boolean wrote = false;
    for (String part : args.length == 0 ? new String[] {"main", "frozen"} : args) {
      Scorecard card;
      try {
        card = evaluate(loader, part, only);
      } catch (ScenarioException e) {
        System.err.println("scenario library: " + e.getMessage());
        System.exit(2);
        return;
      }
      if (Boolean.getBoolean("scenarios.transcript")) {
        System.out.println(card.transcript());
      }
      System.out.println(card.render(true));
      System.out.println();
      wrote |= !card.wrote().isEmpty();
    }
    System.exit(wrote ? 1 : 0);
  }

  /**
   * Loads and runs one part; scenarios whose id or class contains {@code only} (all when empty).
   */
  public static Scorecard evaluate(ScenarioLoader loader, String part, String only) {
    List<Scenario> scenarios =
        loader.part(part).stream()
            .filter(s -> only.isEmpty() || s.id().contains(only) || s.failureClass().contains(only))
            .toList();
    long start = System.nanoTime();
    List<Outcome> outcomes = ScenarioRunner.run(scenarios);
    return new Scorecard(part, outcomes, (System.nanoTime() - start) / 1_000_000);
  }
}
