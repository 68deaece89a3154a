package lookout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lookout.knowledge.index.IndexDocument;
import lookout.knowledge.index.LuceneIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TyposTest {
  private static final Glossary GLOSSARY =
      Glossary.parse("crashloopbackoff\t= crash loop\nthrottling\tthrottled\n");
  private static LuceneIndex index;

  @BeforeAll
  static void index() throws Exception {
    index = LuceneIndex.open(null);
    index.replaceSource(
        "test",
        "",
        List.of(
            new IndexDocument(
                "runbook:1",
                IndexDocument.RUNBOOK,
                "Kube Pod Not Ready",
                "KubePodNotReady",
                "",
                "Meaning",
                "State Pending means the pod cannot be scheduled. Check the deployment.",
                "",
                "",
                "",
                null,
                "a.md#meaning",
                "a.md")),
        null);
    index.commit();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static String correct(String query) throws Exception {
    return index.withSearcher(s -> Typos.correct(s.getIndexReader(), GLOSSARY, query));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      pod stuck pendng forever      | pod stuck pendng forever pending
      deploymnet is broken          | deploymnet is broken deployment
      crashloopbackof in prod       | crashloopbackof in prod crashloopbackoff
      cpu throtling on the gateway  | cpu throtling on the gateway throttling
      """)
  void a_word_nobody_wrote_gets_the_known_word_one_edit_away(String query, String corrected)
      throws Exception {
    assertThat(correct(query)).isEqualTo(corrected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      pending pods in shop           | known words stay as they are
      why is fraud-scorer pendng?    | names inside names are not typos
      xqzvw blorp                    | nothing near: nothing added
      pod 一直 pending               | Chinese is left to the glossary
      """)
  void known_words_names_and_strangers_are_left_alone(String query, String why) throws Exception {
    String corrected = correct(query);

    assertThat(corrected).as(why).startsWith(query);
    assertThat(corrected.substring(query.length()))
        .as(why)
        .isIn("", " pending"); // "pendng?" is a plain word followed by punctuation
  }

  @ParameterizedTest
  @CsvSource({
    "pending, pendng, true",
    "pending, pendingg, true",
    "deployment, deploymnet, true",
    "pending, pendign, true",
    "pending, pending, false",
    "pending, pnding, true",
    "ledger, leader, false",
    "cart, card, true",
    "pending, pend, false"
  })
  void one_edit_means_one_insert_delete_replace_or_adjacent_swap(
      String a, String b, boolean oneEdit) {
    assertThat(Typos.oneEdit(a, b)).isEqualTo(oneEdit);
    assertThat(Typos.oneEdit(b, a)).isEqualTo(oneEdit);
  }
}
