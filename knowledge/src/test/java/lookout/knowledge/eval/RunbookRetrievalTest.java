package lookout.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.KnowledgeSettings;
import lookout.knowledge.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 6, the right runbook: recall on the query sets of {@code eval/runbooks/} over the
 * full prometheus-operator corpus, BM25 alone (semantic search off, or before the model has loaded)
 * and hybrid (the default). The held-out part was committed before any tuning and is checked byte
 * for byte, so it cannot be edited to pass.
 */
class RunbookRetrievalTest {
  /** SHA-256 of {@code heldout.tsv} as committed in 20e7ca0, before the retrieval work. */
  static final String HELD_OUT_SHA256 =
      "f5aafa5143368b142b3b7d53addb2d6ddcae17475bc543a7de8e06b9c5fe5bd7";

  private static KnowledgeBase base;

  @BeforeAll
  static void indexCorpus() throws Exception {
    base = KnowledgeBase.open(KnowledgeSettings.inMemory().withSemantic(false));
    base.indexRunbooks(List.of(EvalQuery.corpus()));
  }

  @AfterAll
  static void close() throws Exception {
    base.close();
  }

  private static RunbookScores score(String part) {
    return RunbookScores.of(
        RunbookCase.load(part),
        c -> base.runbooks(c.toQuery(), RunbookScores.DEPTH, SearchRequest.Mode.BM25));
  }

  @Test
  void held_out_set_is_the_one_committed_before_tuning() throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/lookout/knowledge/eval/runbooks/heldout.tsv")) {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());

      assertThat(HexFormat.of().formatHex(digest)).isEqualTo(HELD_OUT_SHA256);
    }
  }

  @Test
  void query_sets_are_big_enough_and_every_expected_runbook_exists() {
    Set<String> files = RunbookCorpus.files(false);
    for (String part : RunbookCase.PARTS) {
      List<RunbookCase> cases = RunbookCase.load(part);

      assertThat(cases).as(part).hasSizeGreaterThanOrEqualTo(150);
      assertThat(cases)
          .as(part)
          .allSatisfy(c -> assertThat(files).containsAll(c.expected()))
          .extracting(RunbookCase::type)
          .contains("alert", "named", "en", "zh", "mixed", "finding");
    }
  }

  // The held-out figures are scored, never looked into: a failure shows the numbers, not the
  // misses. Measured 2026-12-06 (docs/benchmarks.md): BM25 recall@1 0.82, recall@3 0.96 (the
  // issue's
  // 0.85 at rank 1 is not met without the model); hybrid, the default once the model has loaded,
  // 0.86 / 0.97.
  @Test
  void held_out_bm25_recall_stays_at_its_measured_level() {
    RunbookScores s = score("heldout");

    assertThat(s.recallAt1()).as("held-out BM25 recall@1").isGreaterThanOrEqualTo(0.80);
    assertThat(s.recallAt3()).as("held-out BM25 recall@3").isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void held_out_hybrid_recall_meets_the_issue_16_bar() throws Exception {
    KnowledgeSettings settings =
        KnowledgeSettings.inMemory().withModelCache(Path.of("target", "djl-cache"));
    try (KnowledgeBase hybrid = KnowledgeBase.open(settings)) {
      assertThat(hybrid.awaitSemantic(Duration.ofMinutes(2))).as("model loaded").isTrue();
      hybrid.indexRunbooks(List.of(EvalQuery.corpus()));

      RunbookScores s =
          RunbookScores.of(
              RunbookCase.load("heldout"),
              c -> hybrid.runbooks(c.toQuery(), RunbookScores.DEPTH, SearchRequest.Mode.HYBRID));

      assertThat(s.recallAt1()).as("held-out hybrid recall@1").isGreaterThanOrEqualTo(0.85);
      assertThat(s.recallAt3()).as("held-out hybrid recall@3").isGreaterThanOrEqualTo(0.95);
    }
  }

  // Measured 2026-12-06 on the dev part, 270 queries (docs/benchmarks.md): recall@1 0.90, recall@3
  // 0.99. Floors a little below so a ranking regression fails the build while a wording tweak does
  // not.
  @Test
  void dev_recall_stays_where_it_was_tuned() {
    RunbookScores s = score("dev");

    assertThat(s.recallAt1()).as("recall@1, misses: %s", s.misses()).isGreaterThanOrEqualTo(0.87);
    assertThat(s.recallAt3()).as("recall@3, misses: %s", s.misses()).isGreaterThanOrEqualTo(0.97);
  }
}
