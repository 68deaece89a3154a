package lookout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import lookout.knowledge.incidents.Incident;
import lookout.knowledge.incidents.IncidentSchema;
import lookout.knowledge.incidents.IncidentStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class RebuildTest {
  @TempDir Path dir;

  private static Incident incident(String id, String title) {
    return new Incident(
        id,
        title,
        "KubeNodeNotReady",
        Map.of("namespace", "prod"),
        Instant.parse("2026-11-02T08:00:00Z"),
        null,
        List.of("08:00 node went away"),
        "kernel panic",
        "replaced the node",
        "bob",
        "");
  }

  @Test
  void rebuild_makes_the_index_match_the_store_and_the_folders() throws Exception {
    SQLiteDataSource db = new SQLiteDataSource();
    db.setUrl("jdbc:sqlite:" + dir.resolve("lookout.db"));
    IncidentSchema.migrate(db);
    IncidentStore store = new IncidentStore(db);
    store.save(incident("INC-1", "walrus node panic"));
    store.save(incident("INC-2", "narwhal node panic"));
    Files.createDirectories(dir.resolve("runbooks"));
    Files.writeString(
        dir.resolve("runbooks/Node.md"), "# Node\n\n## Meaning\n\nNode walrus gone.\n");
    try (KnowledgeBase base =
        KnowledgeBase.open(KnowledgeSettings.inMemory().withSemantic(false))) {
      IndexReport first = base.rebuild(List.of(dir.resolve("runbooks")), store.all());
      assertThat(first.documents()).isEqualTo(3);

      store.delete("INC-2");
      base.rebuild(List.of(dir.resolve("runbooks")), store.all());

      assertThat(base.search(SearchRequest.of("narwhal")).hits()).isEmpty();
      assertThat(base.search(SearchRequest.of("walrus")).hits())
          .extracting(Hit::id)
          .containsExactlyInAnyOrder(
              "incident:INC-1",
              "runbook:file:"
                  + dir.resolve("runbooks/Node.md").toAbsolutePath().normalize()
                  + "#0");
      assertThat(
              base.search(SearchRequest.of("walrus").withKind("incident")).hits().get(0).location())
          .as("no thread link: the incident id stands in")
          .isEqualTo("incident:INC-1");
      assertThat(base.size()).isEqualTo(2);
    }
  }
}
