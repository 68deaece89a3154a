package lookout.knowledge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.KnowledgeSettings;
import lookout.knowledge.SearchRequest;
import lookout.knowledge.embed.Embedder;
import lookout.knowledge.embed.MiniLmEmbedder;
import lookout.knowledge.eval.EvalQuery;
import lookout.knowledge.eval.RunbookCase;
import lookout.knowledge.incidents.Incident;

/**
 * Indexes the prometheus-operator runbooks plus synthetic incidents up to 100,000 documents on
 * disk, then measures query latency. {@code ./mvnw -pl knowledge -am -Pbench verify}.
 */
public final class KnowledgeBenchmark {
  static final int DOCUMENTS = 100_000;
  static final int QUERIES = 1_000;

  private KnowledgeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "target/knowledge-bench");
    KnowledgeSettings settings = KnowledgeSettings.onDisk(work);
    // "reuse" (second argument) measures queries on the index a previous run left behind.
    if (args.length < 2 || !args[1].equals("reuse")) {
      deleteTree(work);
      build(settings);
    }
    query(settings);
    embeddingLatency(EvalQuery.load().stream().map(EvalQuery::query).toList());
  }

  private static void build(KnowledgeSettings settings) throws Exception {
    try (KnowledgeBase base = KnowledgeBase.open(settings, RandomProjectionEmbedder::new)) {
      base.awaitSemantic(Duration.ofSeconds(10));
      long t0 = System.nanoTime();
      base.indexRunbooks(List.of(EvalQuery.corpus()));
      int runbookDocs = base.size();
      List<Incident> incidents = SyntheticIncidents.generate(DOCUMENTS - runbookDocs, 42);
      for (int from = 0; from < incidents.size(); from += 5_000) {
        base.addIncidents(incidents.subList(from, Math.min(incidents.size(), from + 5_000)));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      int size = base.size();
      print(
          "documents",
          "%,d (%d runbook sections + %,d incidents)",
          size,
          runbookDocs,
          incidents.size());
      print(
          "indexing (text + 384-d HNSW, one writer)",
          "%.0f s, %,.0f docs/s",
          seconds,
          size / seconds);
      print("heap used after GC (writer open)", "%,.0f MB", heapMb());
    }
  }

  private static void query(KnowledgeSettings settings) throws Exception {
    // Closing waits for background merges, so the queries below do not compete with them.
    long t1 = System.nanoTime();
    try (KnowledgeBase base = KnowledgeBase.open(settings, RandomProjectionEmbedder::new)) {
      base.awaitSemantic(Duration.ofSeconds(10));
      print(
          "reopen the on-disk index",
          "%.1f s (incl. waiting for merges)",
          (System.nanoTime() - t1) / 1e9);
      print("index size on disk", "%,.0f MB", base.sizeInBytes() / 1e6);
      List<Incident> incidents = SyntheticIncidents.generate(DOCUMENTS - 436, 42);

      List<String> queries = queries(incidents);
      Function<String, SearchRequest> bm25 =
          q -> SearchRequest.of(q).withMode(SearchRequest.Mode.BM25);
      Function<String, SearchRequest> hybrid = SearchRequest::of;
      Function<String, SearchRequest> filtered =
          q -> SearchRequest.of(q).withKind("incident").withNamespace("prod");
      for (var warm : List.of(bm25, hybrid, filtered)) {
        for (int i = 0; i < 300; i++) {
          base.search(warm.apply(queries.get(i % queries.size())));
        }
      }
      latency(base, queries, bm25, "BM25 query (top 5, snippets)");
      latency(base, queries, hybrid, "hybrid query, query vector from the stand-in");
      latency(base, queries, filtered, "hybrid + kind/namespace filters");
      runbookLatency(base);
      print("heap used after GC (after queries)", "%,.0f MB", heapMb());
    }
  }

  private static List<String> queries(List<Incident> incidents) {
    List<String> queries =
        new ArrayList<>(EvalQuery.load().stream().map(EvalQuery::query).toList());
    for (int i = 0; queries.size() < QUERIES; i += 97) {
      Incident inc = incidents.get(i % incidents.size());
      queries.add(i % 2 == 0 ? inc.title() : inc.analysis());
    }
    return queries;
  }

  private static void latency(
      KnowledgeBase base,
      List<String> queries,
      Function<String, SearchRequest> request,
      String label) {
    long[] nanos = new long[queries.size()];
    int hits = 0;
    int slowest = 0;
    for (int i = 0; i < queries.size(); i++) {
      long t = System.nanoTime();
      hits += base.search(request.apply(queries.get(i))).hits().size();
      nanos[i] = System.nanoTime() - t;
      slowest = nanos[i] > nanos[slowest] ? i : slowest;
    }
    String slowQuery = queries.get(slowest);
    Arrays.sort(nanos);
    print(
        label,
        "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d queries, %.1f hits avg)",
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.99)] / 1e6,
        nanos[nanos.length - 1] / 1e6,
        nanos.length,
        (double) hits / nanos.length);
    System.out.println("  slowest: " + slowQuery.substring(0, Math.min(100, slowQuery.length())));
  }

  /**
   * The diagnosis and alert path: {@code runbooks(RunbookQuery, 3)} in BM25 mode (the offline
   * default) for every case of the runbook query sets, findings through their builder.
   */
  private static void runbookLatency(KnowledgeBase base) {
    List<RunbookCase> cases = new ArrayList<>();
    RunbookCase.PARTS.forEach(part -> cases.addAll(RunbookCase.load(part)));
    for (int i = 0; i < 300; i++) {
      base.runbooks(cases.get(i % cases.size()).toQuery(), 3, SearchRequest.Mode.BM25);
    }
    long[] nanos = new long[cases.size()];
    for (int i = 0; i < nanos.length; i++) {
      long t = System.nanoTime();
      base.runbooks(cases.get(i).toQuery(), 3, SearchRequest.Mode.BM25);
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    print(
        "runbooks(RunbookQuery, 3), BM25",
        "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d queries)",
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.99)] / 1e6,
        nanos[nanos.length - 1] / 1e6,
        nanos.length);
  }

  /** What the real model adds to a hybrid query: embedding the query text. */
  private static void embeddingLatency(List<String> queries) {
    long t = System.nanoTime();
    Embedder model = MiniLmEmbedder.load(Path.of("target", "djl-cache"));
    print("MiniLM load", "%.1f s", (System.nanoTime() - t) / 1e9);
    for (int i = 0; i < 100; i++) {
      model.embed(queries.get(i % queries.size()));
    }
    long[] nanos = new long[queries.size() * 3];
    for (int i = 0; i < nanos.length; i++) {
      long s = System.nanoTime();
      model.embed(queries.get(i % queries.size()));
      nanos[i] = System.nanoTime() - s;
    }
    Arrays.sort(nanos);
    print(
        "MiniLM query embedding",
        "p50 %.1f ms, p99 %.1f ms (%d queries)",
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.99)] / 1e6,
        nanos.length);
  }

  private static double heapMb() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return (rt.totalMemory() - rt.freeMemory()) / 1e6;
  }

  private static void print(String what, String format, Object... args) {
    System.out.printf(Locale.ROOT, "| %s | %s |%n", what, String.format(Locale.ROOT, format, args));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
