package lookout.bot.wiring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import lookout.bot.config.LookoutConfig;
import lookout.knowledge.IndexReport;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.KnowledgeSettings;
import lookout.knowledge.embed.Embedder;
import lookout.knowledge.embed.MiniLmEmbedder;
import lookout.knowledge.incidents.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the knowledge base from the config: the index lives under {@code dataDir/knowledge} and is
 * brought up to date incrementally (changed runbook files only); incidents come from the database,
 * their source of truth. The embedding model, when on, loads in the background.
 */
public final class KnowledgeSetup {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeSetup.class);

  private KnowledgeSetup() {}

  /** Opens the index and syncs the runbooks; the model (if on) loads right away. */
  public static KnowledgeBase open(LookoutConfig config) throws IOException {
    return open(config, CompletableFuture.completedFuture(null));
  }

  /**
   * Opens the index and syncs the runbooks (configured folders, else the bundled samples). The
   * embedding model, when on, starts loading only once {@code loadModelAfter} completes: loading it
   * takes a core for seconds, which start-up on two cores cannot spare.
   */
  public static KnowledgeBase open(LookoutConfig config, CompletableFuture<?> loadModelAfter)
      throws IOException {
    Path dir = config.dataDir().resolve("knowledge");
    Callable<Embedder> model =
        config.knowledge().semantic()
            ? () -> {
              loadModelAfter.get();
              return MiniLmEmbedder.load(dir.resolve("model-cache"));
            }
            : Embedder::none;
    KnowledgeBase kb = KnowledgeBase.open(KnowledgeSettings.onDisk(dir), model);
    try {
      IndexReport report =
          config.knowledge().runbookDirs().isEmpty()
              ? (config.knowledge().bundled()
                  ? kb.indexBundledRunbooks()
                  : kb.indexRunbooks(java.util.List.of()))
              : kb.indexRunbooks(config.knowledge().runbookDirs());
      log.info("runbooks: {}", report.summary());
      return kb;
    } catch (IOException | RuntimeException e) {
      kb.close();
      throw e;
    }
  }

  /**
   * Indexes every incident recorded in the database; with {@code sandboxSamples}, an empty table
   * first gets the sandbox's sample incidents.
   */
  public static int indexIncidents(KnowledgeBase kb, DataSource db, boolean sandboxSamples)
      throws IOException {
    if (sandboxSamples) {
      SandboxIncidents.seedIfEmpty(db);
    }
    var incidents = new IncidentStore(db).all();
    kb.addIncidents(incidents);
    return incidents.size();
  }
}
