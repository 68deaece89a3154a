package lookout.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lookout.agent.Answer;
import lookout.agent.grammar.Command;
import lookout.agent.grammar.Look;
import lookout.agent.grammar.Reading;
import lookout.agent.grammar.RuleCommandParser;
import org.junit.jupiter.api.Test;

class HelpTextTest {
  final HelpText help = new HelpText();

  @Test
  void help_has_an_english_and_a_chinese_section() {
    assertThat(help.sections())
        .extracting(Answer.Section::heading)
        .containsExactly("English", "中文");
    assertThat(help.sections()).allSatisfy(s -> assertThat(s.lines()).hasSizeGreaterThan(5));
  }

  @Test
  void every_example_is_understood_by_the_grammar() {
    RuleCommandParser parser = new RuleCommandParser();
    for (Answer.Section section : help.sections()) {
      for (String line : section.lines()) {
        String example = line.substring(0, line.indexOf("  — ")).strip();
        if (lookout.agent.grammar.CheckupRequest.parse(example).isPresent()) {
          continue; // answered by the check-up agent every agent is wrapped in
        }
        Reading reading = parser.read(example);
        Command command = reading.command();
        if (command instanceof Command.Unknown) {
          // a question the grammar cannot place names in: it must at least read as a question
          assertThat(reading.clues().look()).as(example).isNotEqualTo(Look.NONE);
          continue;
        }
        if (!(command instanceof Command.Help)) {
          assertThat(example).as(example).isNotIn("help", "帮助");
        }
      }
    }
  }

  @Test
  void comments_and_blank_lines_are_left_out() {
    List<Answer.Section> parsed =
        HelpText.parse("# comment\n\n## One\na  — x\n# another\n## Two\nb  — y\n");
    assertThat(parsed)
        .containsExactly(
            new Answer.Section("One", List.of("a  — x"), false),
            new Answer.Section("Two", List.of("b  — y"), false));
  }

  @Test
  void a_long_unreadable_request_is_shortened_in_the_reply() {
    String summary = help.notUnderstood("x".repeat(500)).summary();
    assertThat(summary).hasSizeLessThan(200).contains("…");
  }
}
