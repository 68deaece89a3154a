package lookout.bot.cli;

import java.util.concurrent.Callable;
import lookout.bot.config.ConfigException;
import lookout.bot.config.LookoutConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Validates the configuration (and the policy file) without starting anything. */
@Command(
    name = "check-config",
    description = "Validate the configuration and exit (0 = valid, 2 = invalid).")
final class CheckConfigCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      LookoutConfig config = common.load(null);
      lookout.bot.wiring.Lookout.loadPolicy(config);
      spec.commandLine().getOut().println("configuration OK (" + config.source() + ")");
      return 0;
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
  }
}
