package lookout.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import lookout.knowledge.embed.Embedder;
import lookout.knowledge.index.IndexDocument;
import lookout.knowledge.index.LuceneIndex;

/**
 * Incremental runbook indexing: a file is re-read only when its content hash changed, files gone
 * from the folders are removed, and everything becomes visible to searches in one commit.
 */
final class RunbookIndexer {
  static final String FILE = "file:";
  static final String BUNDLE = "bundle:";

  /**
   * Prefixed to content hashes: when the way files become documents changes, bump it and every
   * runbook of an existing index is re-read once.
   */
  static final String FORMAT = "v5:";

  private static final String BUNDLE_DIR = "/lookout/knowledge/runbooks/";

  private final LuceneIndex index;
  private final Supplier<Embedder> embedder;

  RunbookIndexer(LuceneIndex index, Supplier<Embedder> embedder) {
    this.index = index;
    this.embedder = embedder;
  }

  /** A file to index: its identity in the index, path shown to users, and how to read it. */
  private record Candidate(String source, String relative, Reader reader) {}

  private interface Reader {
    byte[] read() throws RunbookFiles.Unindexable;
  }

  /** Makes the runbooks in the index exactly those under {@code roots} (bundled ones go). */
  IndexReport syncFolders(List<Path> roots) throws IOException {
    List<IndexReport.Problem> problems = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (Path root : roots) {
      Path abs = root.toAbsolutePath().normalize();
      for (Path file : RunbookFiles.list(abs, problems)) {
        String relative = abs.relativize(file).toString().replace('\\', '/');
        candidates.add(new Candidate(FILE + file, relative, () -> RunbookFiles.bytes(file)));
      }
    }
    return sync(candidates, problems);
  }

  /** Makes the runbooks in the index exactly the samples shipped in the jar (folder ones go). */
  IndexReport syncBundled() throws IOException {
    List<Candidate> candidates = new ArrayList<>();
    String names;
    try {
      names = new String(resource(BUNDLE_DIR + "INDEX"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (RunbookFiles.Unindexable e) {
      throw new IOException("the bundled runbook list is missing from the jar", e);
    }
    for (String name : names.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      candidates.add(new Candidate(BUNDLE + name, name, () -> resource(BUNDLE_DIR + name)));
    }
    return sync(candidates, new ArrayList<>());
  }

  private IndexReport sync(List<Candidate> candidates, List<IndexReport.Problem> problems)
      throws IOException {
    long start = System.nanoTime();
    Map<String, String> known = index.sourceHashes(IndexDocument.RUNBOOK);
    Set<String> seen = new HashSet<>();
    int indexed = 0;
    int unchanged = 0;
    int removed = 0;
    int documents = 0;
    for (Candidate c : candidates) {
      seen.add(c.source());
      try {
        byte[] bytes = c.reader().read();
        String hash = FORMAT + RunbookFiles.hash(bytes);
        if (hash.equals(known.get(c.source()))) {
          unchanged++;
          continue;
        }
        String text = RunbookFiles.text(bytes);
        List<IndexDocument> docs =
            Documents.runbook(c.source(), MarkdownRunbooks.split(c.relative(), text));
        index.replaceSource(c.source(), hash, docs, vectors(docs));
        indexed++;
        documents += docs.size();
      } catch (RunbookFiles.Unindexable e) {
        problems.add(new IndexReport.Problem(c.relative(), e.getMessage()));
        if (known.containsKey(c.source())) {
          // An unreadable file must not keep serving its old text as if it were current.
          index.deleteSource(c.source());
          removed++;
        }
      }
    }
    for (String source : known.keySet()) {
      if (!seen.contains(source)) {
        index.deleteSource(source);
        removed++;
      }
    }
    index.commit();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new IndexReport(indexed, unchanged, removed, documents, problems, took);
  }

  private List<float[]> vectors(List<IndexDocument> docs) {
    Embedder e = embedder.get();
    if (!e.enabled() || docs.isEmpty()) {
      return null;
    }
    return e.embedAll(
        docs.stream().map(d -> d.semanticText(KnowledgeBase.SEMANTIC_CHARS)).toList());
  }

  private static byte[] resource(String name) throws RunbookFiles.Unindexable {
    try (InputStream in = RunbookIndexer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new RunbookFiles.Unindexable("missing bundled resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new RunbookFiles.Unindexable("cannot read bundled resource " + name);
    }
  }
}
