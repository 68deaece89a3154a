package lookout.bot.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lookout.bot.config.ConfigLoader;
import lookout.bot.config.LookoutConfig;
import lookout.bot.wiring.LookoutServer;

/**
 * Starts a whole Lookout on its embedded default (sandbox cluster, SQLite in a temp dir, port 0).
 */
final class TestLookout {
  private TestLookout() {}

  static LookoutServer start(Path dataDir) throws Exception {
    return start(dataDir, null);
  }

  /**
   * @param yaml a config file body, or null for no config file at all
   */
  static LookoutServer start(Path dataDir, String yaml) throws Exception {
    Path config = null;
    if (yaml != null) {
      config = dataDir.resolve("lookout.yaml");
      Files.createDirectories(dataDir);
      Files.writeString(config, yaml);
    }
    LookoutConfig loaded =
        new ConfigLoader(Map.of("LOOKOUT_KNOWLEDGE_SEMANTIC", "false"))
            .load(config, new ConfigLoader.Overrides(dataDir, 0));
    return LookoutServer.start(loaded);
  }
}
