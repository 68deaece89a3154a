package lookout.adapters.console;

import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Holds {@code GET /api/console/messages?wait=s} requests until their channel changes past the
 * version they already have, or until {@code wait} seconds pass (then they get an empty answer).
 * Bounded: past {@value #MAX_WAITERS} parked requests, new ones are answered at once.
 */
final class LongPoll {
  static final int MAX_WAITERS = 1_000;

  private final ConsoleAdapter adapter;
  private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();

  LongPoll(ConsoleAdapter adapter) {
    this.adapter = adapter;
    adapter.onChange(this::changed);
  }

  /** Answers with what changed after {@code since}, waiting up to {@code waitSeconds} for it. */
  void answer(RoutingContext rc, String channel, long since, int waitSeconds) {
    Consumer<Snapshot> reply = s -> Replies.json(rc, 200, JsonViews.snapshot(s));
    Snapshot now = adapter.since(channel, since);
    if (waitSeconds == 0 || !now.messages().isEmpty() || waiters.size() >= MAX_WAITERS) {
      reply.accept(now);
      return;
    }
    Waiter waiter = new Waiter(rc.vertx().getOrCreateContext(), channel, since, reply);
    waiters.add(waiter);
    waiter.timer = rc.vertx().setTimer(waitSeconds * 1_000L, id -> waiter.fire());
    rc.response().closeHandler(v -> waiter.drop());
    // A change between the first look and registering would otherwise be missed until the timeout.
    if (adapter.version(channel) > since) {
      waiter.fire();
    }
  }

  int parked() {
    return waiters.size();
  }

  private void changed(String channel) {
    for (Waiter waiter : waiters) {
      if (waiter.channel.equals(channel)) {
        waiter.fire();
      }
    }
  }

  private final class Waiter {
    final Context context;
    final String channel;
    final long since;
    final Consumer<Snapshot> reply;
    final AtomicBoolean done = new AtomicBoolean();
    volatile long timer = -1;

    Waiter(Context context, String channel, long since, Consumer<Snapshot> reply) {
      this.context = context;
      this.channel = channel;
      this.since = since;
      this.reply = reply;
    }

    /**
     * Answers once with whatever is there now (maybe nothing, on timeout); callable from any
     * thread.
     */
    void fire() {
      if (done.compareAndSet(false, true)) {
        waiters.remove(this);
        context.runOnContext(
            v -> {
              context.owner().cancelTimer(timer);
              reply.accept(adapter.since(channel, since));
            });
      }
    }

    void drop() {
      if (done.compareAndSet(false, true)) {
        waiters.remove(this);
        context.runOnContext(v -> context.owner().cancelTimer(timer));
      }
    }
  }
}
