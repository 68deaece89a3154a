package lookout.bot.cli;

import java.nio.file.Path;
import lookout.bot.config.ConfigLoader;
import lookout.bot.config.LookoutConfig;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file (default: ./lookout.yaml if present, else the sandbox defaults).")
  Path config;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the database and keys live (default: ./lookout-data).")
  Path dataDir;

  LookoutConfig load(Integer port) {
    return new ConfigLoader(System.getenv())
        .load(config, new ConfigLoader.Overrides(dataDir, port));
  }
}
