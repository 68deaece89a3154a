package lookout.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import lookout.bot.config.LookoutConfig;
import lookout.bot.wiring.KnowledgeSetup;
import lookout.knowledge.Hit;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.SearchRequest;
import lookout.knowledge.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Searches the configured runbooks (and incidents) from the terminal. */
@Command(name = "search", description = "Search runbooks and incidents; prints the best hits.")
final class SearchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "QUERY", description = "Words to look for, e.g. \"pod crash looping\".")
  String query;

  @Option(names = "--json", description = "One JSON object per hit (JSON lines).")
  boolean json;

  @Option(names = "--kind", description = "Only runbook or incident hits.")
  String kind;

  @Option(names = "--limit", description = "At most this many hits (1-50, default 5).")
  int limit = 5;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (query.isBlank() || limit < 1 || limit > 50) {
      err.println("search: give a non-empty query and --limit from 1 to 50");
      return 2;
    }
    if (kind != null && !kind.equals("runbook") && !kind.equals("incident")) {
      err.println("search: --kind \"" + kind + "\" — expected runbook or incident");
      return 2;
    }
    LookoutConfig config = common.load(null);
    try (KnowledgeBase kb = KnowledgeSetup.open(config)) {
      if (config.knowledge().semantic() && !kb.awaitSemantic(Duration.ofSeconds(60))) {
        // A one-shot search is worth the model's load time; say so when it did not load.
        err.println("note: semantic search is not available (see the log); words only (BM25)");
      }
      SearchRequest request = SearchRequest.of(query).withLimit(limit);
      SearchResult result = kb.search(kind == null ? request : request.withKind(kind));
      result.notices().forEach(n -> err.println("note: " + n));
      List<Hit> hits = result.hits();
      for (Hit h : hits) {
        out.println(json ? JSON.writeValueAsString(h) : text(h));
      }
      if (hits.isEmpty() && !json) {
        out.println("no hits for: " + query);
      }
    }
    return 0;
  }

  private static String text(Hit h) {
    String section = h.section().isBlank() ? "" : " › " + h.section();
    return String.format(
        "%.2f  %s%s  (%s)%n      %s", h.score(), h.title(), section, h.location(), h.snippet());
  }
}
