package lookout.bot.alerts;

/**
 * How many messages into a destination are on their way to the platform and not delivered yet (in
 * Lookout, the outbox's undelivered rows for that channel). A lane hands over a group's next
 * messages only when nothing is on its way, so while the platform's limits hold the outbox back,
 * the work waits in the lane, where newer updates replace older ones and a storm is noticed.
 */
@FunctionalInterface
public interface InFlight {
  /** Adapters that post at once (the console): nothing is ever on its way. */
  InFlight NONE = d -> 0;

  int count(Destination d);
}
