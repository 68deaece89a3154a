package lookout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BundledRunbooksTest {
  private static KnowledgeBase index;

  @BeforeAll
  static void indexBundledRunbooks() throws Exception {
    index = KnowledgeBase.open(KnowledgeSettings.inMemory().withSemantic(false));
    index.indexBundledRunbooks();
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void crash_looping_question_finds_the_crash_loop_runbook() {
    List<Hit> hits = index.search("pod crash looping restarts", 3);

    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).title()).isEqualTo("Kube Pod Crash Looping");
    assertThat(hits.get(0).location()).startsWith("kubernetes/KubePodCrashLooping.md");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      textBlock =
          """
      CrashLoopBackOff in deployment staging/checkout: container checkout keeps crashing: exit code 1 (Error), 7 restarts | kubernetes/KubePodCrashLooping.md
      KubeNodeNotReady                                                        | kubernetes/KubeNodeNotReady.md
      Kube Pod Not Ready                                                      | kubernetes/KubePodNotReady.md
      KubeDeploymentReplicasMismatch                                          | kubernetes/KubeDeploymentReplicasMismatch.md
      """)
  void analyzer_findings_find_their_runbook_in_the_top_three(String query, String runbook) {
    assertThat(index.search(query, 3))
        .extracting(h -> h.location().replaceAll("#.*", ""))
        .contains(runbook);
  }

  @Test
  void hits_point_at_a_section_with_anchor() {
    Hit hit = index.search("KubePersistentVolumeFillingUp diagnosis", 1).get(0);

    assertThat(hit.section()).isNotEmpty();
    assertThat(hit.location()).contains("#");
  }

  @Test
  void query_syntax_characters_are_taken_as_words() {
    assertThat(index.search("why? (prod) AND \"checkout", 3)).isNotNull();
    assertThat(index.search("   ", 3)).isEmpty();
  }

  @Test
  void reindexing_replaces_instead_of_duplicating() throws Exception {
    int before = index.size();
    index.indexBundledRunbooks();
    assertThat(index.size()).isEqualTo(before);
  }

  @Test
  void markdown_is_split_by_heading_with_front_matter_title() {
    List<RunbookSection> sections =
        MarkdownRunbooks.split(
            "x/Demo.md",
            "---\ntitle: \"Demo Alert\"\n---\n# Demo\n\nintro\n\n## Meaning\n\nit means\n\n"
                + "```\n# not a heading\n```\n## Mitigation Steps\n\nfix it\n");

    assertThat(sections)
        .extracting(RunbookSection::heading)
        .containsExactly("", "Meaning", "Mitigation Steps");
    assertThat(sections.get(1).body()).contains("# not a heading");
    assertThat(sections.get(2).location()).isEqualTo("x/Demo.md#mitigation-steps");
    assertThat(sections).allMatch(s -> s.title().equals("Demo Alert"));
  }
}
