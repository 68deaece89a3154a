package lookout.agent.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build gate: the offline agent answers the scenario library at least as well as {@code
 * scenarios.threshold} says (a property in {@code agent/pom.xml}; the target is 0.95), the frozen
 * part at least as well as {@code scenarios.frozenThreshold}, and answering a question never writes
 * to the cluster or dry-runs a change. A question answered with an action request fails its score
 * (it is listed in the report) rather than this gate.
 */
class ScenarioLibraryTest {
  private static Scorecard main;
  private static Scorecard frozen;

  @BeforeAll
  static void run() {
    ScenarioLoader loader = new ScenarioLoader(ScenarioLoader.classpathRoot(), Instant.now());
    main = ScenarioEval.evaluate(loader, "main", "");
    frozen = ScenarioEval.evaluate(loader, "frozen", "");
    System.out.println(main.render(true));
    System.out.println(frozen.render(true));
  }

  @Test
  void no_question_writes_to_the_cluster_or_dry_runs_a_change() {
    assertThat(main.wrote()).as(main.render(false)).isEmpty();
    assertThat(frozen.wrote()).as(frozen.render(false)).isEmpty();
  }

  @Test
  void main_library_scores_at_least_the_threshold() {
    double threshold = Double.parseDouble(System.getProperty("scenarios.threshold", "0.95"));
    assertThat(main.score()).as(main.render(false)).isGreaterThanOrEqualTo(threshold);
  }

  @Test
  void frozen_part_scores_at_least_its_threshold() {
    double threshold = Double.parseDouble(System.getProperty("scenarios.frozenThreshold", "0.95"));
    if (!frozen.outcomes().isEmpty()) {
      assertThat(frozen.score()).as(frozen.render(false)).isGreaterThanOrEqualTo(threshold);
    }
  }
}
