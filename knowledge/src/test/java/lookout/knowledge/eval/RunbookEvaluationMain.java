package lookout.knowledge.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.KnowledgeSettings;
import lookout.knowledge.SearchRequest;

/**
 * Prints runbook recall@1, recall@3, MRR and section accuracy on the dev and held-out query sets,
 * per query type, semantic search off (BM25, the offline default) and on (hybrid), on the full
 * prometheus-operator corpus and on the runbooks the product bundles. {@code ./mvnw -pl knowledge
 * -am -Peval-runbooks verify}; arguments: the parts to score (default {@code dev heldout}), {@code
 * --no-semantic} to skip loading the model, {@code --misses} to list what was missed (dev only: the
 * held-out part's misses are never shown, so nobody tunes on them).
 */
public final class RunbookEvaluationMain {
  private static final List<String> TYPES =
      List.of("alert", "named", "en", "zh", "mixed", "finding");

  private RunbookEvaluationMain() {}

  public static void main(String[] args) throws Exception {
    List<String> parts = new ArrayList<>();
    boolean semantic = true;
    boolean misses = false;
    for (String a : args) {
      switch (a) {
        case "--no-semantic" -> semantic = false;
        case "--misses" -> misses = true;
        default -> parts.add(a);
      }
    }
    if (parts.isEmpty()) {
      parts.addAll(RunbookCase.PARTS);
    }
    KnowledgeSettings settings =
        KnowledgeSettings.inMemory()
            .withSemantic(semantic)
            .withModelCache(Path.of("target", "djl-cache"));
    for (boolean bundled : List.of(false, true)) {
      try (KnowledgeBase base = KnowledgeBase.open(settings)) {
        if (semantic && !base.awaitSemantic(Duration.ofMinutes(2))) {
          throw new IllegalStateException("the embedding model did not load");
        }
        var report =
            bundled ? base.indexBundledRunbooks() : base.indexRunbooks(List.of(EvalQuery.corpus()));
        Set<String> files = RunbookCorpus.files(bundled);
        System.out.printf(
            "%n### %s: %s%n%n",
            bundled ? "bundled sample runbooks (cases whose runbook is bundled)" : "full corpus",
            report.summary());
        System.out.println(
            "| part / mode / type | n | recall@1 | recall@3 | MRR | section@1 (n) |");
        System.out.println("|---|---|---|---|---|---|");
        List<String> missed = new ArrayList<>();
        for (String part : parts) {
          List<RunbookCase> cases =
              RunbookCase.load(part).stream()
                  .filter(c -> c.expected().stream().anyMatch(files::contains))
                  .toList();
          for (SearchRequest.Mode mode :
              semantic
                  ? List.of(SearchRequest.Mode.BM25, SearchRequest.Mode.HYBRID)
                  : List.of(SearchRequest.Mode.BM25)) {
            String label = part + " " + mode.name().toLowerCase(Locale.ROOT);
            long t0 = System.nanoTime();
            RunbookScores all =
                RunbookScores.of(cases, c -> base.runbooks(c.toQuery(), RunbookScores.DEPTH, mode));
            long micros = (System.nanoTime() - t0) / 1_000 / Math.max(1, cases.size());
            System.out.println(all.row("**" + label + "** all (" + micros + " µs/query)"));
            for (String type : TYPES) {
              List<RunbookCase> subset = cases.stream().filter(c -> c.type().equals(type)).toList();
              if (!subset.isEmpty()) {
                System.out.println(
                    RunbookScores.of(
                            subset, c -> base.runbooks(c.toQuery(), RunbookScores.DEPTH, mode))
                        .row(label + " " + type));
              }
            }
            if (!part.equals("heldout")) {
              all.misses().forEach(m -> missed.add(label + ": " + m));
            }
          }
        }
        if (misses && !bundled) {
          System.out.println("\nnot first:");
          missed.forEach(System.out::println);
        }
      }
    }
  }
}
