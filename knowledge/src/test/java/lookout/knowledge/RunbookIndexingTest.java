package lookout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import lookout.knowledge.embed.Embedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookIndexingTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve("runbooks").resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static String runbook(String title, String word) {
    return "---\ntitle: "
        + title
        + "\n---\n# "
        + title
        + "\n\n## Meaning\n\nAbout "
        + word
        + ".\n\n## Mitigation\n\nFix the "
        + word
        + ".\n";
  }

  private KnowledgeBase bm25Only() throws Exception {
    return KnowledgeBase.open(KnowledgeSettings.inMemory().withSemantic(false));
  }

  @Test
  void only_changed_files_are_reindexed_and_deleted_files_are_removed() throws Exception {
    write("a/Alpha.md", runbook("Alpha", "aardvark"));
    write("Beta.md", runbook("Beta", "badger"));
    Path gamma = write("Gamma.md", runbook("Gamma", "gopher"));
    List<Path> roots = List.of(dir.resolve("runbooks"));
    try (KnowledgeBase base = bm25Only()) {
      IndexReport first = base.indexRunbooks(roots);
      assertThat(first.indexed()).isEqualTo(3);
      assertThat(first.documents()).isEqualTo(6);

      IndexReport again = base.indexRunbooks(roots);
      assertThat(again.indexed()).isZero();
      assertThat(again.unchanged()).isEqualTo(3);

      write("Beta.md", runbook("Beta", "bison"));
      Files.delete(gamma);
      IndexReport changed = base.indexRunbooks(roots);

      assertThat(changed.indexed()).isEqualTo(1);
      assertThat(changed.unchanged()).isEqualTo(1);
      assertThat(changed.removed()).isEqualTo(1);
      assertThat(base.search("badger", 5)).isEmpty();
      assertThat(base.search("bison", 5))
          .extracting(Hit::location)
          .containsExactly("Beta.md#meaning");
      assertThat(base.search("gopher", 5)).isEmpty();
      assertThat(base.search("aardvark", 5)).extracting(Hit::title).containsExactly("Alpha");
      assertThat(base.size()).isEqualTo(4);
    }
  }

  @Test
  void binary_and_non_utf8_files_are_skipped_and_reported() throws Exception {
    write("Good.md", runbook("Good", "otter"));
    Files.write(dir.resolve("runbooks/Binary.md"), new byte[] {'#', ' ', 0, 1, 2, 3});
    Files.write(dir.resolve("runbooks/Latin1.md"), new byte[] {'#', ' ', (byte) 0xE9, (byte) 0xFF});
    try (KnowledgeBase base = bm25Only()) {
      IndexReport report = base.indexRunbooks(List.of(dir.resolve("runbooks")));

      assertThat(report.indexed()).isEqualTo(1);
      assertThat(report.skipped())
          .extracting(IndexReport.Problem::path, IndexReport.Problem::reason)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("Binary.md", "binary content (NUL bytes)"),
              org.assertj.core.groups.Tuple.tuple("Latin1.md", "not UTF-8 text (binary?)"));
      assertThat(report.summary()).contains("skipped Binary.md: binary content");
      assertThat(base.search("otter", 5)).hasSize(1);
    }
  }

  @Test
  void same_file_name_in_two_folders_stays_two_runbooks() throws Exception {
    for (String folder : List.of("team-a", "team-b")) {
      Path file = dir.resolve(folder).resolve("Node.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, runbook("Node " + folder, "manatee"));
    }
    try (KnowledgeBase base = bm25Only()) {
      base.indexRunbooks(List.of(dir.resolve("team-a"), dir.resolve("team-b")));

      assertThat(base.search("manatee", 5))
          .extracting(Hit::title)
          .containsExactlyInAnyOrder("Node team-a", "Node team-b");

      base.indexRunbooks(List.of(dir.resolve("team-a")));

      assertThat(base.search("manatee", 5)).extracting(Hit::title).containsExactly("Node team-a");
    }
  }

  @Test
  void configured_folders_replace_the_bundled_samples_and_back() throws Exception {
    write("Alpha.md", runbook("Alpha", "aardvark"));
    try (KnowledgeBase base = bm25Only()) {
      int samples = base.indexBundledRunbooks().documents();

      IndexReport folders = base.indexRunbooks(List.of(dir.resolve("runbooks")));

      assertThat(folders.removed()).isEqualTo(60);
      assertThat(base.size()).isEqualTo(2);
      assertThat(base.indexBundledRunbooks().removed()).isEqualTo(1);
      assertThat(base.size()).isEqualTo(samples);
    }
  }

  @Test
  void missing_folder_is_reported_not_thrown() throws Exception {
    try (KnowledgeBase base = bm25Only()) {
      IndexReport report = base.indexRunbooks(List.of(dir.resolve("nope")));

      assertThat(report.skipped())
          .singleElement()
          .satisfies(p -> assertThat(p.reason()).contains("not a directory"));
    }
  }

  @Test
  void on_disk_index_survives_a_restart_and_stays_incremental() throws Exception {
    write("Alpha.md", runbook("Alpha", "aardvark"));
    KnowledgeSettings settings = KnowledgeSettings.onDisk(dir.resolve("data")).withSemantic(false);
    try (KnowledgeBase base = KnowledgeBase.open(settings)) {
      base.indexRunbooks(List.of(dir.resolve("runbooks")));
    }
    try (KnowledgeBase reopened = KnowledgeBase.open(settings)) {
      assertThat(reopened.search("aardvark", 3)).hasSize(1);
      assertThat(reopened.indexRunbooks(List.of(dir.resolve("runbooks"))).unchanged()).isEqualTo(1);
      assertThat(reopened.sizeInBytes()).isPositive();
    }
  }

  @Test
  void searches_during_reindexing_always_see_a_complete_index() throws Exception {
    for (int i = 0; i < 30; i++) {
      write("R" + i + ".md", runbook("R" + i, "walrus"));
    }
    try (KnowledgeBase base = bm25Only()) {
      base.indexRunbooks(List.of(dir.resolve("runbooks")));
      AtomicBoolean done = new AtomicBoolean();
      AtomicReference<String> failure = new AtomicReference<>();
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (!done.get()) {
                      int n = base.search(SearchRequest.of("walrus").withLimit(50)).hits().size();
                      if (n != 30) {
                        failure.set("saw " + n + " runbooks");
                      }
                    }
                  });
      for (int round = 0; round < 8; round++) {
        for (int i = 0; i < 30; i++) {
          write("R" + i + ".md", runbook("R" + i, "walrus round " + round));
        }
        base.indexRunbooks(List.of(dir.resolve("runbooks")));
      }
      done.set(true);
      reader.join();

      assertThat(failure.get()).isNull();
    }
  }

  @Test
  void searches_are_bm25_until_the_model_loads_then_hybrid_with_backfilled_vectors()
      throws Exception {
    write("Alpha.md", runbook("Alpha", "aardvark"));
    CountDownLatch release = new CountDownLatch(1);
    try (KnowledgeBase base =
        KnowledgeBase.open(
            KnowledgeSettings.inMemory(),
            () -> {
              release.await();
              return (Embedder) new WordHashEmbedder();
            })) {
      base.indexRunbooks(List.of(dir.resolve("runbooks")));
      assertThat(base.search(SearchRequest.of("aardvark")).mode()).isEqualTo("bm25");

      release.countDown();

      assertThat(base.awaitSemantic(Duration.ofSeconds(10))).isTrue();
      assertThat(base.search(SearchRequest.of("aardvark")).mode()).isEqualTo("hybrid");
      SearchResult byMeaning =
          base.search(SearchRequest.of("about aardvark").withMode(SearchRequest.Mode.VECTOR));
      assertThat(byMeaning.hits()).extracting(Hit::title).containsExactly("Alpha");
    }
  }

  @Test
  void a_model_that_fails_to_load_leaves_bm25_working() throws Exception {
    write("Alpha.md", runbook("Alpha", "aardvark"));
    try (KnowledgeBase base =
        KnowledgeBase.open(
            KnowledgeSettings.inMemory(),
            () -> {
              throw new IllegalStateException("no model in this jar");
            })) {
      base.indexRunbooks(List.of(dir.resolve("runbooks")));

      assertThat(base.awaitSemantic(Duration.ofSeconds(5))).isFalse();
      assertThat(base.search(SearchRequest.of("aardvark")).mode()).isEqualTo("bm25");
      assertThat(base.search("aardvark", 3)).hasSize(1);
    }
  }
}
