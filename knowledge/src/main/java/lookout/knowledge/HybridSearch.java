package lookout.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lookout.knowledge.embed.Embedder;
import lookout.knowledge.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Runs one request on a point-in-time searcher: BM25 and/or KNN candidates, reciprocal rank fusion,
 * one hit per group (runbook file or incident), snippets.
 */
final class HybridSearch {
  /** The usual RRF constant: damps the influence of the very first ranks. */
  static final int RRF_K = 60;

  private final Analyzer analyzer;
  private final Snippets snippets;

  HybridSearch(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.snippets = new Snippets(analyzer);
  }

  /**
   * @param embedder the model if it is ready, else {@link Embedder#none()}
   */
  SearchResult run(IndexSearcher searcher, SearchRequest r, Embedder embedder, List<String> notes)
      throws IOException {
    Optional<Query> text = QueryBuilder.text(analyzer, r.query());
    Optional<Query> filter = QueryBuilder.filter(r);
    boolean useText = r.mode() != SearchRequest.Mode.VECTOR && text.isPresent();
    boolean useVectors = r.mode() != SearchRequest.Mode.BM25 && embedder.enabled();
    if (r.mode() == SearchRequest.Mode.VECTOR && !embedder.enabled()) {
      notes.add("semantic search is not available (model off or still loading)");
      return new SearchResult(List.of(), "none", notes);
    }
    if (!useText && !useVectors) {
      notes.add("no searchable words in the query");
      return new SearchResult(List.of(), "none", notes);
    }
    int limit = Math.clamp(r.limit(), 1, SearchRequest.MAX_LIMIT);
    // Enough to fill the page after collapsing sections of one runbook; more only costs time.
    int candidates = Math.max(20, limit * 4);
    List<ScoreDoc> bm25 = List.of();
    if (useText) {
      BooleanQuery.Builder q = new BooleanQuery.Builder().add(text.get(), Occur.MUST);
      filter.ifPresent(f -> q.add(f, Occur.FILTER));
      bm25 = List.of(searcher.search(q.build(), candidates).scoreDocs);
    }
    List<ScoreDoc> knn = List.of();
    if (useVectors) {
      float[] v = embedder.embed(r.query());
      Query q = new KnnFloatVectorQuery(Fields.VECTOR, v, candidates, filter.orElse(null));
      knn = List.of(searcher.search(q, candidates).scoreDocs);
    }
    List<ScoreDoc> ranked = useText && useVectors ? fuse(bm25, knn) : useText ? bm25 : knn;
    String mode = useText && useVectors ? "hybrid" : useText ? "bm25" : "vector";
    return new SearchResult(hits(searcher, ranked, limit, text.orElse(null)), mode, notes);
  }

  /** Reciprocal rank fusion: each list gives 1/(k + rank); a document in both lists adds up. */
  static List<ScoreDoc> fuse(List<ScoreDoc> a, List<ScoreDoc> b) {
    Map<Integer, Float> scores = new LinkedHashMap<>();
    for (List<ScoreDoc> list : List.of(a, b)) {
      for (int rank = 0; rank < list.size(); rank++) {
        scores.merge(list.get(rank).doc, 1f / (RRF_K + rank + 1), Float::sum);
      }
    }
    return scores.entrySet().stream()
        .sorted(Map.Entry.<Integer, Float>comparingByValue().reversed())
        .map(e -> new ScoreDoc(e.getKey(), e.getValue()))
        .toList();
  }

  private List<Hit> hits(IndexSearcher searcher, List<ScoreDoc> ranked, int limit, Query text)
      throws IOException {
    var stored = searcher.storedFields();
    Set<String> groups = new HashSet<>();
    List<ScoreDoc> kept = new ArrayList<>();
    List<Document> docs = new ArrayList<>();
    for (ScoreDoc sd : ranked) {
      if (kept.size() == limit) {
        break;
      }
      // Several sections of one runbook often match: the best one stands for the file.
      Document doc = stored.document(sd.doc);
      if (groups.add(doc.get(Fields.GROUP))) {
        kept.add(sd);
        docs.add(doc);
      }
    }
    String[] extracts = snippets.of(searcher, text, kept, docs);
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      Document doc = docs.get(i);
      hits.add(
          new Hit(
              doc.get(Fields.ID),
              doc.get(Fields.KIND),
              doc.get(Fields.TITLE),
              doc.get(Fields.HEADINGS),
              doc.get(Fields.LOCATION),
              extracts[i],
              kept.get(i).score));
    }
    return hits;
  }
}
