package lookout.bot.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Pace;
import lookout.adapters.chat.Part;

/** The storm summary a saturated destination gets, and its edits as the backlog drains. */
final class StormMessages {
  private StormMessages() {}

  static Message started(int backlog, Optional<Pace.Limit> limit) {
    return new Message(
        "⚠️ Alert storm: " + backlog + " alert groups are waiting for this channel",
        List.of(
            new Part.Section(
                null,
                rate(limit)
                    + " here. Every group still gets its thread; repeated updates are merged"
                    + " into each thread's root until the backlog drains.")));
  }

  static Message ongoing(int backlog, int peak, Optional<Pace.Limit> limit) {
    return new Message(
        "⚠️ Alert storm: " + backlog + " alert groups still waiting (peak " + peak + ")",
        List.of(new Part.Note(rate(limit) + "; updates are merged.")));
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

  /** The platform's limit for the channel, as its adapter declares it; the outbox keeps to it. */
  private static String rate(Optional<Pace.Limit> limit) {
    return limit
        .map(l -> "The platform takes at most " + l.describe())
        .orElse("Messages go out as fast as the channel takes them");
  }
}
