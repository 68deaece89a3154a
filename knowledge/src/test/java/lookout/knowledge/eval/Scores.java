package lookout.knowledge.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lookout.knowledge.Hit;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.SearchRequest;

/**
 * Retrieval quality of one mode over a query set.
 *
 * @param misses queries whose expected runbook was not in the top 3, with what came first
 */
public record Scores(
    int queries, double recallAt1, double recallAt3, double mrr, List<String> misses) {
  static final int DEPTH = 10;

  /** Runs every query in {@code mode} and scores the ranks of the expected runbooks. */
  public static Scores of(KnowledgeBase base, List<EvalQuery> queries, SearchRequest.Mode mode) {
    int at1 = 0;
    int at3 = 0;
    double reciprocal = 0;
    List<String> misses = new ArrayList<>();
    for (EvalQuery q : queries) {
      List<Hit> hits =
          base.search(SearchRequest.of(q.query()).withLimit(DEPTH).withMode(mode)).hits();
      List<String> files = hits.stream().map(h -> h.location().replaceFirst("#.*", "")).toList();
      int rank = files.indexOf(q.expected()) + 1;
      if (rank == 1) {
        at1++;
      }
      if (rank >= 1 && rank <= 3) {
        at3++;
      } else {
        misses.add(
            "%s [%s] %s -> rank %s, top: %s"
                .formatted(
                    q.expected(),
                    q.type(),
                    q.query(),
                    rank == 0 ? ">" + DEPTH : rank,
                    files.isEmpty() ? "-" : files.get(0)));
      }
      reciprocal += rank == 0 ? 0 : 1.0 / rank;
    }
    int n = queries.size();
    return new Scores(n, (double) at1 / n, (double) at3 / n, reciprocal / n, misses);
  }

  /** A Markdown table row. */
  public String row(String label) {
    return String.format(
        Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f |", label, queries, recallAt1, recallAt3, mrr);
  }
}
