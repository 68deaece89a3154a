package lookout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lookout.knowledge.embed.Embedder;
import lookout.knowledge.incidents.Incident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeBaseTest {
  private static KnowledgeBase base;

  static Incident incident(String id, String title, String ns, String service, String started) {
    return new Incident(
        id,
        title,
        "KubePodCrashLooping",
        Map.of("namespace", ns, "service", service, "cluster", "eu-1"),
        Instant.parse(started),
        null,
        List.of("10:00 alert fired", "10:12 订单服务 OOMKilled"),
        "The JVM heap grew past the memory limit.",
        "Raised the memory limit to 1Gi.",
        "alice",
        "https://chat.example/t/" + id);
  }

  @BeforeAll
  static void open() throws Exception {
    base = KnowledgeBase.open(KnowledgeSettings.inMemory().withSemantic(false));
    base.indexBundledRunbooks();
    base.addIncident(
        incident(
            "INC-1",
            "checkout OOMKilled after release",
            "staging",
            "checkout",
            "2026-11-01T10:00:00Z"));
    base.addIncident(
        incident(
            "INC-2", "orders OOMKilled on Black Friday", "prod", "orders", "2026-10-01T10:00:00Z"));
  }

  @AfterAll
  static void close() throws Exception {
    base.close();
  }

  @Test
  void bundled_runbooks_answer_the_plain_search_interface() {
    List<Hit> hits = base.search("pod crash looping restarts", 3);

    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).location()).startsWith("kubernetes/KubePodCrashLooping.md");
    assertThat(hits.get(0).kind()).isEqualTo("runbook");
  }

  @Test
  void kind_filter_returns_only_incidents_with_their_thread_link() {
    SearchResult r = base.search(SearchRequest.of("OOMKilled memory").withKind("incident"));

    assertThat(r.hits()).extracting(Hit::kind).containsOnly("incident");
    assertThat(r.hits()).extracting(Hit::location).contains("https://chat.example/t/INC-1");
    assertThat(r.mode()).isEqualTo("bm25");
  }

  @Test
  void namespace_service_and_time_filters_narrow_incidents() {
    SearchRequest oom = SearchRequest.of("OOMKilled");

    assertThat(base.search(oom.withNamespace("prod")).hits())
        .extracting(Hit::id)
        .containsExactly("incident:INC-2");
    assertThat(base.search(oom.withService("checkout")).hits())
        .extracting(Hit::id)
        .containsExactly("incident:INC-1");
    assertThat(
            base.search(
                    oom.withTimeRange(
                        Instant.parse("2026-10-15T00:00:00Z"),
                        Instant.parse("2026-12-01T00:00:00Z")))
                .hits())
        .extracting(Hit::id)
        .containsExactly("incident:INC-1");
  }

  @Test
  void alert_name_filter_is_case_insensitive() {
    SearchResult r =
        base.search(
            SearchRequest.of("diagnosis").withAlertName("kubepodcrashlooping").withKind("runbook"));

    assertThat(r.hits()).extracting(Hit::location).allMatch(l -> l.contains("KubePodCrashLooping"));
    assertThat(r.hits()).isNotEmpty();
  }

  @Test
  void mixed_chinese_and_english_query_finds_the_incident() {
    List<Hit> hits = base.search(SearchRequest.of("订单服务 OOMKilled").withKind("incident")).hits();

    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).snippet()).contains("**");
  }

  @Test
  void snippets_mark_the_matched_words() {
    Hit hit =
        base.search(SearchRequest.of("KubePersistentVolumeFillingUp disk usage").withLimit(1))
            .hits()
            .get(0);

    assertThat(hit.snippet()).contains("**").hasSizeLessThanOrEqualTo(Snippets.MAX_CHARS + 3);
    assertThat(hit.section()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "why? (prod) AND \"checkout",
        "namespace:prod *",
        "title:(a OR b)~2 ^3 [x TO y] {z} \\ / !",
        "- + && || ~",
        "crash\u0000loop",
        "\u0000",
        "oom\u0007\u001b[31m killed",
      })
  void lucene_syntax_is_taken_as_words_without_errors(String query) {
    SearchResult r = base.search(SearchRequest.of(query));

    assertThat(r).isNotNull();
    assertThat(r.notices()).noneMatch(n -> n.startsWith("search failed"));
  }

  @Test
  void empty_query_is_refused_with_a_clear_notice() {
    SearchResult r = base.search(SearchRequest.of("   "));

    assertThat(r.hits()).isEmpty();
    assertThat(r.notices()).containsExactly("the query is empty: give some words to search for");
  }

  @Test
  void huge_query_is_cut_and_still_searched() {
    String huge = "pod crash looping ".repeat(10_000) + "数据库连接失败".repeat(1_000);

    SearchResult r = base.search(SearchRequest.of(huge));

    assertThat(r.notices()).anyMatch(n -> n.contains("cut to its first 1000 characters"));
    assertThat(r.hits()).isNotEmpty();
  }

  @Test
  void only_punctuation_finds_nothing_and_says_why() {
    assertThat(base.search(SearchRequest.of("?? !! ...")).notices())
        .containsExactly("no searchable words in the query");
  }

  @Test
  void unknown_kind_and_reversed_time_range_are_refused() {
    assertThat(base.search(SearchRequest.of("oom").withKind("wiki")).notices())
        .containsExactly("unknown kind 'wiki': use runbook or incident");
    assertThat(
            base.search(SearchRequest.of("oom").withTimeRange(Instant.now(), Instant.EPOCH))
                .notices())
        .containsExactly("the time range ends before it starts");
  }

  @Test
  void vector_mode_without_a_model_says_so() {
    SearchResult r = base.search(SearchRequest.of("oom").withMode(SearchRequest.Mode.VECTOR));

    assertThat(r.hits()).isEmpty();
    assertThat(r.notices())
        .containsExactly("semantic search is not available (model off or still loading)");
    assertThat(base.semanticReady()).isFalse();
  }

  @Test
  void removed_incident_is_no_longer_found() throws Exception {
    base.addIncident(incident("INC-9", "zebra outage", "prod", "zoo", "2026-01-01T00:00:00Z"));
    assertThat(base.search("zebra", 5)).hasSize(1);

    base.removeIncident("INC-9");

    assertThat(base.search("zebra", 5)).isEmpty();
  }

  @Test
  void reciprocal_rank_fusion_favours_runbooks_in_both_lists() {
    var a = List.of(group("a"), group("b"), group("c"));
    var b = List.of(group("c"), group("d"));

    assertThat(SectionGroups.fuse(a, b, HybridSearch.RRF_K))
        .extracting(SectionGroups.Group::key)
        .startsWith("c", "a");
  }

  private static SectionGroups.Group group(String key) {
    return new SectionGroups.Group(key, key.charAt(0), 1f);
  }

  static Embedder fake() {
    return new WordHashEmbedder();
  }
}
