package lookout.knowledge.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index. Writes are serialized (synchronized) and become visible to searchers together
 * at {@link #commit()}; searches run concurrently on the last committed point-in-time reader, so a
 * re-index never shows a half-updated runbook.
 */
public final class LuceneIndex implements Closeable {
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private LuceneIndex(Directory directory) throws IOException {
    this.directory = directory;
    IndexWriterConfig config = new IndexWriterConfig(TextAnalysis.indexing());
    config.setRAMBufferSizeMB(64);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens (or creates) the index under {@code dir}; in memory when {@code dir} is null. */
  public static LuceneIndex open(Path dir) throws IOException {
    return new LuceneIndex(dir == null ? new ByteBuffersDirectory() : FSDirectory.open(dir));
  }

  /** Work done with a point-in-time searcher. */
  public interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  /** Runs {@code work} on the current searcher; concurrent with writes. */
  public <T> T withSearcher(SearcherWork<T> work) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return work.run(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Replaces every document read from {@code source} with {@code docs}.
   *
   * @param vectors one per document (entries may be null), or null for none
   */
  public synchronized void replaceSource(
      String source, String hash, List<IndexDocument> docs, List<float[]> vectors)
      throws IOException {
    writer.deleteDocuments(new Term(Fields.SOURCE, source));
    for (int i = 0; i < docs.size(); i++) {
      float[] vector = vectors == null ? null : vectors.get(i);
      writer.addDocument(Fields.toLucene(docs.get(i), source, hash, vector));
    }
  }

  /** Adds or replaces the document with {@code d.id()}. */
  public synchronized void upsert(IndexDocument d, String source, String hash, float[] vector)
      throws IOException {
    writer.updateDocument(new Term(Fields.ID, d.id()), Fields.toLucene(d, source, hash, vector));
  }

  public synchronized void deleteSource(String source) throws IOException {
    writer.deleteDocuments(new Term(Fields.SOURCE, source));
  }

  public synchronized void deleteId(String id) throws IOException {
    writer.deleteDocuments(new Term(Fields.ID, id));
  }

  public synchronized void deleteKind(String kind) throws IOException {
    writer.deleteDocuments(new Term(Fields.KIND, kind));
  }

  /** Makes the writes so far durable and visible to searches, all at once. */
  public synchronized void commit() throws IOException {
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  /** Source to content hash of every document of {@code kind} (committed state). */
  public Map<String, String> sourceHashes(String kind) throws IOException {
    return withSearcher(
        s -> {
          Map<String, String> hashes = new HashMap<>();
          var stored = s.storedFields();
          for (ScoreDoc sd : all(s, new TermQuery(new Term(Fields.KIND, kind)))) {
            Document doc = stored.document(sd.doc, java.util.Set.of(Fields.SOURCE, Fields.HASH));
            hashes.put(doc.get(Fields.SOURCE), doc.get(Fields.HASH));
          }
          return hashes;
        });
  }

  /** Up to {@code max} documents indexed without a vector, with their source and hash. */
  public List<Stored> withoutVectors(int max) throws IOException {
    return withSearcher(
        s -> {
          List<Stored> found = new ArrayList<>();
          var stored = s.storedFields();
          var top = s.search(new TermQuery(new Term(Fields.EMBEDDED, "0")), Math.max(1, max));
          for (ScoreDoc sd : top.scoreDocs) {
            Document doc = stored.document(sd.doc);
            found.add(
                new Stored(Fields.fromStored(doc), doc.get(Fields.SOURCE), doc.get(Fields.HASH)));
          }
          return found;
        });
  }

  /** A document as stored, with what incremental updates need to rewrite it. */
  public record Stored(IndexDocument document, String source, String hash) {}

  private static ScoreDoc[] all(IndexSearcher s, org.apache.lucene.search.Query q)
      throws IOException {
    int n = Math.max(1, s.count(q));
    return s.search(q, n).scoreDocs;
  }

  /** Live documents (committed state). */
  public int size() throws IOException {
    return withSearcher(s -> s.getIndexReader().numDocs());
  }

  /** Bytes the index files take; 0 for an in-memory index reports its RAM bytes. */
  public long sizeInBytes() throws IOException {
    long total = 0;
    for (String file : directory.listAll()) {
      try {
        total += directory.fileLength(file);
      } catch (IOException gone) {
        // Merged away while we listed: not part of the index any more.
      }
    }
    return total;
  }

  @Override
  public synchronized void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }
}
