package lookout.bot.cli;

import java.util.concurrent.Callable;
import lookout.bot.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The top-level command; with no subcommand it serves. */
@Command(
    name = "lookout",
    mixinStandardHelpOptions = true,
    version = "Lookout 0.1.0",
    description = "ChatOps bot for Kubernetes teams.",
    subcommands = {
      ServeCommand.class,
      AskCommand.class,
      CheckConfigCommand.class,
      AuditCommand.class,
      SearchCommand.class,
      IndexCommand.class
    })
public final class LookoutCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (default 8080 unless configured).")
  Integer port;

  @Override
  public Integer call() throws Exception {
    return ServeCommand.serve(common, port);
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new LookoutCommand());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof ConfigException) {
            cmd.getErr().println(e.getMessage());
            return 2;
          }
          cmd.getErr().println("lookout: " + e.getMessage());
          return 1;
        });
    return cli;
  }
}
