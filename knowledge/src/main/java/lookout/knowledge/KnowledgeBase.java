package lookout.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lookout.knowledge.embed.Embedder;
import lookout.knowledge.embed.MiniLmEmbedder;
import lookout.knowledge.incidents.Incident;
import lookout.knowledge.index.IndexDocument;
import lookout.knowledge.index.LuceneIndex;
import lookout.knowledge.index.TextAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runbooks and incidents, searchable by words (BM25) and by meaning (embeddings), fused. Searches
 * are thread-safe and run concurrently with indexing; writes are serialized. The embedding model
 * loads in the background: until it is ready searches are BM25 only, and documents indexed
 * meanwhile get their vectors once it is. Search never throws for bad input: problems come back as
 * {@link SearchResult#notices()}.
 */
public final class KnowledgeBase implements Search, Closeable {
  static final int SEMANTIC_CHARS = 1000;
  static final int MAX_QUERY_CHARS = 1000;
  private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
  private static final Set<String> KINDS = Set.of(IndexDocument.RUNBOOK, IndexDocument.INCIDENT);

  private final LuceneIndex index;
  private final Analyzer analyzer = TextAnalysis.analyzer();
  private final HybridSearch hybrid = new HybridSearch(analyzer);
  private final RunbookIndexer runbooks;
  private final Glossary glossary = Glossary.bundled();
  private final Object writes = new Object();
  private final CompletableFuture<Embedder> model;
  private volatile boolean closed;

  private KnowledgeBase(LuceneIndex index, Callable<Embedder> loader) {
    this.index = index;
    this.runbooks = new RunbookIndexer(index, this::embedder);
    this.model =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                Embedder e = loader.call();
                backfill(e);
                return e;
              } catch (Exception | LinkageError e) {
                log.warn("semantic search off: the embedding model did not load: {}", e.toString());
                return Embedder.none();
              }
            },
            r -> Thread.ofPlatform().name("knowledge-model").daemon().start(r));
  }

  /**
   * Opens the knowledge base; with {@code settings.semantic()} the MiniLM model loads meanwhile.
   */
  public static KnowledgeBase open(KnowledgeSettings settings) throws IOException {
    Path cache =
        settings.modelCacheDir() != null || settings.dataDir() == null
            ? settings.modelCacheDir()
            : settings.dataDir().resolve("model-cache");
    return open(settings, settings.semantic() ? () -> MiniLmEmbedder.load(cache) : Embedder::none);
  }

  /** Opens the knowledge base with the given model loader (tests use fake embedders). */
  public static KnowledgeBase open(KnowledgeSettings settings, Callable<Embedder> loader)
      throws IOException {
    Path dir = settings.dataDir() == null ? null : settings.dataDir().resolve("lucene");
    return new KnowledgeBase(LuceneIndex.open(dir), loader);
  }

  @Override
  public List<Hit> search(String query, int limit) {
    return search(SearchRequest.of(query).withLimit(limit)).hits();
  }

  @Override
  public List<Hit> runbooks(RunbookQuery query, int limit) {
    return runbooks(query, limit, SearchRequest.Mode.HYBRID);
  }

  /** {@link #runbooks(RunbookQuery, int)} in the given mode (evaluation compares them). */
  public List<Hit> runbooks(RunbookQuery query, int limit, SearchRequest.Mode mode) {
    SearchRequest r =
        SearchRequest.of(query.details())
            .withKind(IndexDocument.RUNBOOK)
            .withLimit(limit)
            .withMode(mode);
    return search(r, query.subject()).hits();
  }

  /** The best hits for the request; problems are reported in the result, never thrown. */
  public SearchResult search(SearchRequest request) {
    return search(request, "");
  }

  /**
   * @param subject words weighing more than the request's query (a finding's reason), may be empty
   */
  private SearchResult search(SearchRequest request, String subject) {
    List<String> notes = new ArrayList<>();
    String query = request.query().strip();
    if (query.isEmpty() && subject.isEmpty()) {
      return SearchResult.refused("the query is empty: give some words to search for");
    }
    if (query.length() > MAX_QUERY_CHARS) {
      query = query.substring(0, MAX_QUERY_CHARS);
      notes.add("the query was cut to its first " + MAX_QUERY_CHARS + " characters");
    }
    for (String kind : request.kinds()) {
      if (!KINDS.contains(kind)) {
        return SearchResult.refused("unknown kind '" + kind + "': use runbook or incident");
      }
    }
    if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
      return SearchResult.refused("the time range ends before it starts");
    }
    String text = query;
    try {
      return index.withSearcher(
          s -> {
            String corrected = glossary.rewrite(Typos.correct(s.getIndexReader(), glossary, text));
            String about = glossary.rewrite(subject);
            String expansion = glossary.expansion(about + " " + corrected);
            SearchRequest r = withQuery(request, corrected);
            return hybrid.run(s, r, new QueryWords(about, corrected, expansion), embedder(), notes);
          });
    } catch (IOException | RuntimeException e) {
      log.warn("knowledge search failed for '{}'", query, e);
      return SearchResult.refused("search failed: " + e.getMessage());
    }
  }

  /**
   * Makes the indexed runbooks exactly those in these folders: only new or changed files are read,
   * files that are gone (and the bundled samples) are removed; one commit at the end.
   */
  public IndexReport indexRunbooks(List<Path> folders) throws IOException {
    synchronized (writes) {
      return runbooks.syncFolders(folders);
    }
  }

  /** Makes the indexed runbooks exactly the samples shipped in the jar (incremental too). */
  public IndexReport indexBundledRunbooks() throws IOException {
    synchronized (writes) {
      return runbooks.syncBundled();
    }
  }

  /** Adds or replaces one incident's document. */
  public void addIncident(Incident incident) throws IOException {
    addIncidents(List.of(incident));
  }

  /** Adds or replaces several incidents' documents, visible to searches together. */
  public void addIncidents(Collection<Incident> incidents) throws IOException {
    synchronized (writes) {
      writeIncidents(incidents);
      index.commit();
    }
  }

  private void writeIncidents(Collection<Incident> incidents) throws IOException {
    Embedder e = embedder();
    List<Incident> all = List.copyOf(incidents);
    for (int from = 0; from < all.size(); from += 256) {
      List<IndexDocument> docs =
          all.subList(from, Math.min(all.size(), from + 256)).stream()
              .map(Documents::incident)
              .toList();
      List<float[]> vectors =
          e.enabled()
              ? e.embedAll(docs.stream().map(d -> d.semanticText(SEMANTIC_CHARS)).toList())
              : null;
      for (int i = 0; i < docs.size(); i++) {
        index.upsert(
            docs.get(i), IndexDocument.INCIDENT, "", vectors == null ? null : vectors.get(i));
      }
    }
  }

  public void removeIncident(String id) throws IOException {
    synchronized (writes) {
      index.deleteId("incident:" + id);
      index.commit();
    }
  }

  /**
   * Rebuilds the incident documents from the source of truth (e.g. {@code store.all()}) and syncs
   * the runbook folders; searches see the old state until the new one is complete.
   */
  public IndexReport rebuild(List<Path> folders, Collection<Incident> incidents)
      throws IOException {
    synchronized (writes) {
      long start = System.nanoTime();
      index.deleteKind(IndexDocument.INCIDENT);
      writeIncidents(incidents);
      IndexReport files = runbooks.syncFolders(folders);
      return new IndexReport(
          files.indexed() + incidents.size(),
          files.unchanged(),
          files.removed(),
          files.documents() + incidents.size(),
          files.skipped(),
          Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** True once the embedding model is loaded and every document has its vector. */
  public boolean semanticReady() {
    return model.isDone() && model.join().enabled();
  }

  /** Waits up to {@code timeout} for the model (and back-fill); true if semantic search is on. */
  public boolean awaitSemantic(Duration timeout) {
    try {
      return model.get(timeout.toMillis(), TimeUnit.MILLISECONDS).enabled();
    } catch (Exception e) {
      return false;
    }
  }

  /** Number of documents (runbook sections and incidents). */
  public int size() throws IOException {
    return index.size();
  }

  /** Bytes of index files. */
  public long sizeInBytes() throws IOException {
    return index.sizeInBytes();
  }

  private Embedder embedder() {
    return model.isDone() ? model.join() : Embedder.none();
  }

  /** Vectors for documents indexed before the model was ready, a batch per commit. */
  private void backfill(Embedder e) throws IOException {
    if (!e.enabled()) {
      return;
    }
    while (!closed) {
      synchronized (writes) {
        if (closed) {
          return;
        }
        List<LuceneIndex.Stored> batch = index.withoutVectors(256);
        if (batch.isEmpty()) {
          return;
        }
        List<float[]> vectors =
            e.embedAll(batch.stream().map(s -> s.document().semanticText(SEMANTIC_CHARS)).toList());
        for (int i = 0; i < batch.size(); i++) {
          LuceneIndex.Stored s = batch.get(i);
          index.upsert(s.document(), s.source(), s.hash(), vectors.get(i));
        }
        index.commit();
      }
    }
  }

  private static SearchRequest withQuery(SearchRequest r, String query) {
    return new SearchRequest(
        query,
        r.limit(),
        r.kinds(),
        r.namespace(),
        r.service(),
        r.cluster(),
        r.alertName(),
        r.from(),
        r.to(),
        r.mode());
  }

  @Override
  public void close() throws IOException {
    closed = true;
    synchronized (writes) {
      index.close();
      analyzer.close();
    }
  }
}
