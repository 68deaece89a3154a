package lookout.agent.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import lookout.agent.grammar.Phrasings.Expect;
import lookout.agent.grammar.Phrasings.Phrasing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restart, scale and the other repairs (roll back, delete a pod, cordon, drain, suspend, re-run,
 * clean up) are commands only in the imperative; every question about them stays a question. The
 * table is {@link Phrasings}; the same table runs end to end against an API server in {@code
 * lookout.agent.offline.QuestionsNeverWriteTest}.
 */
class CommandsVersusQuestionsTest {
  private final RuleCommandParser parser = new RuleCommandParser();

  static Stream<Phrasing> phrasings() {
    return Phrasings.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("phrasings")
  void commands_only_in_the_imperative(Phrasing p) {
    Reading reading = parser.read(p.text());
    Command command = reading.command();
    switch (p.expect()) {
      case QUESTION -> {
        assertThat(command)
            .isNotInstanceOfAny(Command.Restart.class, Command.Scale.class, Command.Repair.class);
        assertThat(reading.clues().write()).isEmpty();
      }
      case RESTART -> {
        assertThat(reading.clues().write()).contains("restart");
        assertThat(command).isNotInstanceOf(Command.Scale.class);
        if (p.resolvable()) {
          assertThat(command).isInstanceOf(Command.Restart.class);
        }
      }
      case SCALE -> {
        assertThat(reading.clues().write()).contains("scale");
        assertThat(command).isNotInstanceOf(Command.Restart.class);
        if (p.resolvable()) {
          assertThat(command).isInstanceOf(Command.Scale.class);
        }
      }
    }
  }

  @Test
  void the_table_is_wide_and_mixes_languages() {
    List<Phrasing> all = Phrasings.all();
    long chinese =
        all.stream().filter(p -> p.text().codePoints().anyMatch(Character::isIdeographic)).count();
    long questions = all.stream().filter(p -> p.expect() == Expect.QUESTION).count();
    assertThat(all).hasSizeGreaterThanOrEqualTo(100);
    assertThat(chinese).as("Chinese or mixed").isGreaterThanOrEqualTo(all.size() * 4 / 10);
    assertThat(questions).as("questions").isGreaterThan(all.size() / 2);
  }

  @Test
  void the_example_that_was_read_as_a_restart_is_a_question_about_user_profile() {
    Reading reading = parser.read("user-profile 之前重启过，现在正常吗？");
    assertThat(reading.command()).isNotInstanceOf(Command.Restart.class);
    assertThat(reading.clues().look()).isEqualTo(Look.DIAGNOSE);
    assertThat(reading.clues().write()).isEmpty();
  }
}
