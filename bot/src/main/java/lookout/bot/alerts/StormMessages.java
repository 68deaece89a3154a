package lookout.bot.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;

/** The storm summary a saturated destination gets, and its edits as the backlog drains. */
final class StormMessages {
  private StormMessages() {}

  static Message started(int backlog, double perSecond) {
    return new Message(
        "⚠️ Alert storm: " + backlog + " alert groups are waiting for this channel",
        List.of(
            new Part.Section(
                null,
                "Lookout posts at most "
                    + rate(perSecond)
                    + " here. Every group still gets its thread; repeated updates are merged"
                    + " into each thread's root until the backlog drains.")));
  }

  static Message ongoing(int backlog, int peak, double perSecond) {
    return new Message(
        "⚠️ Alert storm: " + backlog + " alert groups still waiting (peak " + peak + ")",
        List.of(new Part.Note("Posting at most " + rate(perSecond) + "; updates are merged.")));
  }

  static Message over(int peak, long posted, long merged, Duration took) {
    return new Message(
        "✅ Alert storm over: " + posted + " messages posted in " + Durations.human(took),
        List.of(
            new Part.Note(
                "Peak backlog "
                    + peak
                    + " groups; "
                    + merged
                    + " updates merged into later ones.")));
  }

  private static String rate(double perSecond) {
    return perSecond >= 1
        ? String.format(Locale.ROOT, "%.0f messages per second", perSecond)
        : String.format(Locale.ROOT, "%.0f messages per minute", perSecond * 60);
  }
}
