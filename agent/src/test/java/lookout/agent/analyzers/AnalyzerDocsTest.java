package lookout.agent.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/agent.md is where users learn what Lookout can diagnose: every analyzer has its row. */
class AnalyzerDocsTest {
  @Test
  void every_analyzer_of_the_catalog_is_listed_in_the_agent_docs() throws Exception {
    String docs = Files.readString(Path.of("../docs/agent.md"));
    for (Analyzer a : Analyzers.all()) {
      String name = a.getClass().getSimpleName();
      assertThat(docs).as("docs/agent.md lists " + name).contains("| `" + name + "` |");
    }
  }
}
