package lookout.agent.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import lookout.agent.grammar.RuleCommandParser;
import org.junit.jupiter.api.Test;

/** Starting and pending are things workloads do: such a question means the workload, not claims. */
class WorkloadOverClaimsTest {
  static final Inventory LAB =
      ResolverTest.inventory(
          "Namespace - lab",
          "StatefulSet lab notebook-lchen",
          "PersistentVolumeClaim lab notebook-home-lchen",
          "PersistentVolumeClaim lab notebook-home-wzhang");

  static Target resolve(String question) {
    return new Resolver().resolve(LAB, new RuleCommandParser().read(question).clues(), null, null);
  }

  @Test
  void a_question_about_starting_means_the_workload_with_most_of_the_written_words() {
    assertThat(resolve("lchen's notebook wont start, pending 30 min"))
        .isInstanceOfSatisfying(
            Target.One.class,
            one -> assertThat(one.ref()).hasToString("statefulset lab/notebook-lchen"));
  }

  @Test
  void a_question_about_the_storage_still_asks_which_one() {
    assertThat(resolve("how full is the notebook home volume")).isInstanceOf(Target.Several.class);
  }
}
