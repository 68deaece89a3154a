package lookout.bot.alerts;

import java.util.function.ToIntFunction;

/**
 * How many messages into a destination are on their way to the platform and not delivered yet (in
 * Lookout, the outbox's undelivered rows for that channel). A lane hands over a group's next
 * messages only when nothing is on its way, so while the platform's limits hold the outbox back,
 * the work waits in the lane, where newer updates replace older ones and a storm is noticed.
 */
public interface InFlight {
  /** Adapters that post at once (the console): nothing is ever on its way. */
  InFlight NONE = of(d -> 0, Thread::sleep);

  int count(Destination d);

  /**
   * Blocks at most {@code millis}, returning early when something on its way may have been
   * delivered (the outbox signals when its worker settles a row).
   */
  void awaitProgress(long millis) throws InterruptedException;

  /** A wait that may end early. */
  @FunctionalInterface
  interface Wait {
    void await(long millis) throws InterruptedException;
  }

  static InFlight of(ToIntFunction<Destination> count, Wait progress) {
    return new InFlight() {
      @Override
      public int count(Destination d) {
        return count.applyAsInt(d);
      }

      @Override
      public void awaitProgress(long millis) throws InterruptedException {
        progress.await(millis);
      }
    };
  }
}
