package lookout.bot;

import java.io.IOException;
import javax.sql.DataSource;
import lookout.bot.config.LookoutConfig;
import lookout.knowledge.IndexReport;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.KnowledgeSettings;
import lookout.knowledge.incidents.IncidentSchema;
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

  /** Opens the index and syncs the runbooks (configured folders, else the bundled samples). */
  public static KnowledgeBase open(LookoutConfig config) throws IOException {
    KnowledgeBase kb =
        KnowledgeBase.open(
            KnowledgeSettings.onDisk(config.dataDir().resolve("knowledge"))
                .withSemantic(config.knowledge().semantic()));
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

  /** Indexes every incident recorded in the database (creating its table if needed). */
  public static int indexIncidents(KnowledgeBase kb, DataSource db) throws IOException {
    IncidentSchema.apply(db);
    var incidents = new IncidentStore(db).all();
    kb.addIncidents(incidents);
    return incidents.size();
  }
}
