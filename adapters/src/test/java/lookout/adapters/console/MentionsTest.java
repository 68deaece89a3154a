package lookout.adapters.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionsTest {
  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "@lookout why is checkout failing?|why is checkout failing?",
        "  @Lookout: restart it|restart it",
        "@LOOKOUT, 看看 prod 的 order-service|看看 prod 的 order-service",
        "why is checkout failing?|why is checkout failing?",
        "ask @lookout later|ask @lookout later",
        "@lookouts are people too|@lookouts are people too",
        "@lookout|''",
      })
  void leading_mention_is_stripped_and_nothing_else(String typed, String expected) {
    assertThat(Mentions.strip(typed)).isEqualTo(expected);
  }
}
