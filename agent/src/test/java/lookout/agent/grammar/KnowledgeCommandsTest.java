package lookout.agent.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnowledgeCommandsTest {
  private final RuleCommandParser parser = new RuleCommandParser();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          @lookout runbook pod crash looping         | runbooks  | pod crash looping
          runbooks for KubePodNotReady               | runbooks  | KubePodNotReady
          find runbook for disk full                 | runbooks  | disk full
          手册 pod 崩溃重启                             | runbooks  | pod 崩溃重启
          incidents like OOMKilled checkout          | incidents | OOMKilled checkout
          similar incidents 订单服务 OOMKilled           | incidents | 订单服务 OOMKilled
          have we seen OOMKilled on checkout before? | incidents | OOMKilled on checkout
          类似故障 订单服务 OOMKilled                      | incidents | 订单服务 OOMKilled
          以前出现过 OOMKilled 吗？                       | incidents | OOMKilled
          """)
  void knowledge_searches_keep_their_words(String text, String kind, String words) {
    Command command = parser.parse(text);

    Command expected =
        kind.equals("runbooks") ? new Command.Runbooks(words) : new Command.Incidents(words);
    assertThat(command).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"runbook", "incidents like", "why is checkout failing in staging?"})
  void bare_keywords_and_cluster_questions_are_not_knowledge_searches(String text) {
    assertThat(parser.parse(text))
        .isNotInstanceOf(Command.Runbooks.class)
        .isNotInstanceOf(Command.Incidents.class);
  }
}
