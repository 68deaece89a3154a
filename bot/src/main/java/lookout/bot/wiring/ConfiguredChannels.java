package lookout.bot.wiring;

import java.util.Set;
import java.util.TreeSet;
import lookout.adapters.console.ConsoleAdapter;
import lookout.bot.alerts.AlertRouter;
import lookout.bot.alerts.Destination;
import lookout.bot.config.LookoutConfig;
import lookout.bot.inspect.InspectionSettings;

/**
 * The console channels the configuration sends to on its own (alert routes and defaults, check-up
 * reports). They are reserved at start, so the console's channel limit, which anyone who reaches
 * the page can fill, never refuses an alert.
 */
final class ConfiguredChannels {
  private ConfiguredChannels() {}

  static Set<String> console(LookoutConfig config) {
    Set<String> names = new TreeSet<>();
    if (config.alerts().enabled()) {
      config.alerts().defaultTo().forEach(d -> addConsole(names, d));
      for (AlertRouter.Rule rule : config.alerts().routes()) {
        rule.to().forEach(d -> addConsole(names, d));
      }
    }
    for (InspectionSettings i : config.inspections()) {
      if (ConsoleAdapter.PLATFORM.equals(i.platform())) {
        names.add(i.channel());
      }
    }
    return names;
  }

  /** Reserves every configured console channel of {@code config} in {@code console}. */
  static void reserve(ConsoleAdapter console, LookoutConfig config) {
    console(config).forEach(console::reserve);
  }

  private static void addConsole(Set<String> names, Destination d) {
    if (ConsoleAdapter.PLATFORM.equals(d.platform())) {
      names.add(d.channel());
    }
  }
}
