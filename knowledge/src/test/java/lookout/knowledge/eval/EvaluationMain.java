package lookout.knowledge.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.KnowledgeSettings;
import lookout.knowledge.SearchRequest;

/**
 * Prints recall@1, recall@3 and MRR for BM25, vectors and hybrid, overall and per query type.
 * {@code ./mvnw -pl knowledge -am -Peval verify}; optional argument: another corpus folder.
 */
public final class EvaluationMain {
  private EvaluationMain() {}

  public static void main(String[] args) throws Exception {
    Path corpus = args.length > 0 ? Path.of(args[0]) : EvalQuery.corpus();
    List<EvalQuery> queries = EvalQuery.load();
    KnowledgeSettings settings =
        KnowledgeSettings.inMemory().withModelCache(Path.of("target", "djl-cache"));
    long start = System.nanoTime();
    try (KnowledgeBase base = KnowledgeBase.open(settings)) {
      if (!base.awaitSemantic(Duration.ofMinutes(2))) {
        throw new IllegalStateException("the embedding model did not load");
      }
      long loaded = System.nanoTime();
      var report = base.indexRunbooks(List.of(corpus));
      System.out.printf(
          "corpus %s: %s%nmodel load %d ms, %d queries%n%n",
          corpus, report.summary(), (loaded - start) / 1_000_000, queries.size());
      System.out.println("| mode / queries | n | recall@1 | recall@3 | MRR |");
      System.out.println("|---|---|---|---|---|");
      StringBuilder misses = new StringBuilder();
      for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
        String name = mode.name().toLowerCase(java.util.Locale.ROOT);
        long t0 = System.nanoTime();
        Scores all = Scores.of(base, queries, mode);
        long perQuery = (System.nanoTime() - t0) / 1_000 / queries.size();
        System.out.println(all.row("**" + name + "** all (" + perQuery + " µs/query)"));
        for (String type : List.of("alert", "en", "zh", "zh-heldout")) {
          List<EvalQuery> subset = queries.stream().filter(q -> q.type().equals(type)).toList();
          System.out.println(Scores.of(base, subset, mode).row(name + " " + type));
        }
        all.misses().forEach(m -> misses.append(name).append(": ").append(m).append('\n'));
      }
      System.out.println("\nnot in the top 3:\n" + misses);
    }
  }
}
