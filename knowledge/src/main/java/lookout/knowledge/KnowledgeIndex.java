package lookout.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of runbook sections, searched with BM25 over title, heading and body. Searches
 * and re-indexing may run concurrently: readers come from a {@link SearcherManager} refreshed after
 * each write.
 */
public final class KnowledgeIndex implements Search, Closeable {
  private static final Map<String, Float> BOOSTS = Map.of("title", 3f, "heading", 2f, "body", 1f);
  private static final int SNIPPET_CHARS = 240;

  private final Directory directory;
  private final Analyzer analyzer = TextAnalysis.analyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private KnowledgeIndex(Directory directory) throws IOException {
    this.directory = directory;
    this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
    this.searchers = new SearcherManager(writer, null);
  }

  /** An index kept in memory; rebuilt at every start (the sample base is small). */
  public static KnowledgeIndex inMemory() throws IOException {
    return new KnowledgeIndex(new ByteBuffersDirectory());
  }

  /** An index stored under {@code dir}. */
  public static KnowledgeIndex onDisk(Path dir) throws IOException {
    return new KnowledgeIndex(FSDirectory.open(dir));
  }

  /** Replaces all runbook sections with {@code sections}, atomically for searchers. */
  public void replaceRunbooks(List<RunbookSection> sections) throws IOException {
    writer.deleteDocuments(new Term("kind", "runbook"));
    for (RunbookSection s : sections) {
      Document doc = new Document();
      doc.add(new StringField("kind", "runbook", Field.Store.YES));
      doc.add(new TextField("title", s.title(), Field.Store.YES));
      doc.add(new TextField("heading", s.heading(), Field.Store.YES));
      doc.add(new TextField("body", s.body(), Field.Store.YES));
      doc.add(new StoredField("location", s.location()));
      writer.addDocument(doc);
    }
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  /** Number of indexed sections (for readiness and logs). */
  public int size() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public List<Hit> search(String query, int limit) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    int n = Math.max(1, Math.min(limit, 50));
    try {
      Query parsed = parse(query);
      IndexSearcher searcher = searchers.acquire();
      try {
        // Several sections of one runbook often match; keep the best one per document so the top
        // hits are different runbooks.
        TopDocs top = searcher.search(parsed, n * 5);
        List<Hit> hits = new ArrayList<>();
        java.util.Set<String> documents = new java.util.HashSet<>();
        for (ScoreDoc sd : top.scoreDocs) {
          Document doc = searcher.storedFields().document(sd.doc);
          if (hits.size() == n || !documents.add(doc.get("location").replaceFirst("#.*", ""))) {
            continue;
          }
          hits.add(
              new Hit(
                  doc.get("kind"),
                  doc.get("title"),
                  doc.get("heading"),
                  doc.get("location"),
                  snippet(doc.get("body")),
                  sd.score));
        }
        return hits;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("while searching the knowledge index for: " + query, e);
    }
  }

  private Query parse(String text) {
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(BOOSTS.keySet().toArray(String[]::new), analyzer, BOOSTS);
    try {
      // User text is words, not Lucene syntax: escape so "why? (prod)" cannot break the parser.
      return parser.parse(QueryParser.escape(text));
    } catch (ParseException e) {
      throw new IllegalArgumentException("cannot search for: " + text, e);
    }
  }

  private static String snippet(String body) {
    String flat = body.replaceAll("\\s+", " ").strip();
    return flat.length() <= SNIPPET_CHARS ? flat : flat.substring(0, SNIPPET_CHARS) + "…";
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }
}
