package lookout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlossaryTest {
  private static final Glossary GLOSSARY =
      Glossary.parse("# comment\n磁盘\tdisk\n磁盘空间\tdisk space\n空间\tspace\nunready\tnot ready\n");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      磁盘空间快满了            | disk space
      磁盘坏了，空间也不够       | disk space
      node is unready         | not ready
      node is unreadyness     | ''
      nothing to add          | ''
      """)
  void known_terms_add_their_english_words_longest_first(String query, String expansion) {
    assertThat(GLOSSARY.expansion(query)).isEqualTo(expansion);
  }

  @org.junit.jupiter.api.Test
  void a_replacing_entry_rewrites_the_reason_and_adds_nothing() {
    Glossary g = Glossary.parse("backofflimitexceeded\t= job failed\njob\tbatch\n");

    assertThat(g.rewrite("job hit BackoffLimitExceeded!")).isEqualTo("job hit job failed!");
    assertThat(g.rewrite("BackoffLimitExceededX stays")).isEqualTo("BackoffLimitExceededX stays");
    assertThat(g.expansion("BackoffLimitExceeded")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void bundled_glossary_expands_chinese_questions() {
    assertThat(Glossary.bundled().expansion("容器反复重启怎么办")).contains("crash loop", "container");
  }
}
