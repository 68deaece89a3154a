package lookout.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lookout.knowledge.embed.Embedder;
import lookout.knowledge.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Runs one request on a point-in-time searcher: BM25 and/or KNN section candidates, collapsed to
 * one entry per group (runbook file or incident), reciprocal rank fusion of the groups, snippets.
 */
final class HybridSearch {
  /** The usual RRF constant: damps the influence of the very first ranks. */
  static final int RRF_K = 60;

  /** Section candidates per ranking, at least. */
  static final int CANDIDATES = 40;

  private final Analyzer analyzer;
  private final Snippets snippets;

  HybridSearch(Analyzer analyzer) {
    this.analyzer = analyzer;
    this.snippets = new Snippets(analyzer);
  }

  /**
   * @param words the request's query with its subject and glossary words, by weight
   * @param embedder the model if it is ready, else {@link Embedder#none()}
   */
  SearchResult run(
      IndexSearcher searcher,
      SearchRequest r,
      QueryWords words,
      Embedder embedder,
      List<String> notes)
      throws IOException {
    Optional<Query> text = QueryBuilder.text(analyzer, words);
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
    // Several sections of one runbook match: enough candidates to rank whole runbooks.
    int candidates = Math.max(CANDIDATES, limit * 8);
    StoredFields stored = searcher.storedFields();
    List<SectionGroups.Group> bm25 = List.of();
    if (useText) {
      BooleanQuery.Builder q = new BooleanQuery.Builder().add(text.get(), Occur.MUST);
      filter.ifPresent(f -> q.add(f, Occur.FILTER));
      List<ScoreDoc> sections = List.of(searcher.search(q.build(), candidates).scoreDocs);
      Set<String> terms = QueryBuilder.terms(analyzer, words.all());
      bm25 = SectionGroups.collapse(sections, searcher.getIndexReader(), stored, analyzer, terms);
    }
    List<SectionGroups.Group> knn = List.of();
    if (useVectors) {
      // The model reads English best: Chinese questions are embedded with their English terms.
      float[] v = embedder.embed(words.all());
      Query q = new KnnFloatVectorQuery(Fields.VECTOR, v, candidates, filter.orElse(null));
      List<ScoreDoc> sections = List.of(searcher.search(q, candidates).scoreDocs);
      knn = SectionGroups.collapse(sections, searcher.getIndexReader(), stored, analyzer, Set.of());
    }
    List<SectionGroups.Group> ranked =
        useText && useVectors ? SectionGroups.fuse(bm25, knn, RRF_K) : useText ? bm25 : knn;
    String mode = useText && useVectors ? "hybrid" : useText ? "bm25" : "vector";
    List<SectionGroups.Group> top = ranked.subList(0, Math.min(limit, ranked.size()));
    return new SearchResult(hits(searcher, top, text.orElse(null)), mode, notes);
  }

  private List<Hit> hits(IndexSearcher searcher, List<SectionGroups.Group> top, Query text)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    List<ScoreDoc> kept = new ArrayList<>();
    List<Document> docs = new ArrayList<>();
    for (SectionGroups.Group g : top) {
      kept.add(new ScoreDoc(g.doc(), g.score()));
      docs.add(stored.document(g.doc()));
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
