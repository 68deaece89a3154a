package lookout.bot.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import lookout.bot.config.LookoutConfig;
import lookout.knowledge.IndexReport;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.KnowledgeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Indexes runbook folders into the data dir's knowledge index and reports what was read, changed,
 * removed and skipped (and why). Lookout itself re-syncs the folders named in {@code
 * knowledge.runbookDirs} at every start; this command is for checking a folder and for warming the
 * index.
 */
@Command(name = "index", description = "Index a folder of Markdown runbooks and print a report.")
final class IndexCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "Folders of Markdown runbooks.")
  List<Path> folders;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path f : folders) {
      if (!Files.isDirectory(f)) {
        err.println("index: " + f + " is not a folder");
        return 2;
      }
    }
    LookoutConfig config = common.load(null);
    KnowledgeSettings settings =
        KnowledgeSettings.onDisk(config.dataDir().resolve("knowledge")).withSemantic(false);
    try (KnowledgeBase kb = KnowledgeBase.open(settings)) {
      IndexReport report = kb.indexRunbooks(folders);
      out.println(report.summary());
      report.skipped().forEach(p -> out.println("  skipped " + p.path() + ": " + p.reason()));
    }
    return 0;
  }
}
