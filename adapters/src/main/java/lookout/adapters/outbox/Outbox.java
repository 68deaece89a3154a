package lookout.adapters.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.KeyedPosts;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Pace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound posts and edits stored in the database first, then delivered by one worker (a virtual
 * thread) through the real adapters: {@link #wrap} any {@link ChatAdapter}, hand the wrapper to the
 * bot, {@link #start} the worker. The outbox owns pacing and retries: each send waits until the
 * limits its adapter declares ({@link ChatAdapter#pace}) have room (that wait is not an attempt);
 * when the platform still says "slow down", the row and every other send against the same limits
 * wait as long as it asked (Retry-After); other retryable failures back off exponentially; refusals
 * fail the row. Rows of one conversation go in order, an edit after its post. A versioned edit
 * ({@link ChatAdapter#update(MessageRef, Message, long)}) replaces the message's queued older edits
 * and is dropped when an edit of the same or a newer version is queued or sent, so a message never
 * goes back to an older state, even when the edits were queued out of order. A crash after the
 * platform accepted a post but before the row was marked SENT is the one case where the outcome is
 * unknown: the row is retried when the claim's lease runs out, and an adapter that implements
 * {@link KeyedPosts} (Slack) is first asked whether the post is already there, so it is adopted,
 * not repeated; through other adapters that case is at least once. Every other crash loses and
 * repeats nothing. Pacing is counted per process: replicas sharing a database each keep the limits
 * on their own.
 */
public final class Outbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  // Platform clocks and ours may differ a little; look this far before the row was queued.
  private static final Duration LOOKUP_SLACK = Duration.ofMinutes(1);

  private final OutboxStore store;
  private final Clock clock;
  private final OutboxPolicy policy;
  private final Pacer pacer;
  private final Map<String, ChatAdapter> delegates = new ConcurrentHashMap<>();
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private Thread worker;
  private long nextPrune;
  private volatile long soonest = Long.MAX_VALUE;
  private final Object progress = new Object();

  public Outbox(DataSource db, Clock clock, OutboxPolicy policy) {
    this.store = new OutboxStore(db, clock, policy.lease());
    this.clock = clock;
    this.policy = policy;
    this.pacer = new Pacer(clock);
  }

  /** An adapter for {@code delegate}'s platform that queues here; the worker calls the delegate. */
  public ChatAdapter wrap(ChatAdapter delegate) {
    delegates.put(delegate.platform(), delegate);
    return new OutboxAdapter(delegate, store, wake::release);
  }

  /**
   * How many posts and edits into {@code channel} of {@code platform} (any thread) are stored and
   * not yet delivered or failed, by any replica: a producer that can merge its work (an alert lane)
   * hands over more only when this is 0, so what waits stays where it can be merged.
   */
  public int waiting(String platform, String channel) {
    return store.waiting(platform, channel);
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    worker = Thread.ofVirtual().name("outbox").start(this::loop);
  }

  /** Delivers every row due now, in order, on the calling thread; returns how many were tried. */
  public int deliverDue() {
    int tried = 0;
    for (Optional<Delivery> d = store.claim(); d.isPresent(); d = store.claim()) {
      deliver(d.get());
      tried++;
      synchronized (progress) {
        progress.notifyAll();
      }
    }
    return tried;
  }

  /**
   * Blocks until this process's worker has settled a row (sent, failed or put off), or {@code
   * millis} passed: a producer waiting for {@link #waiting} to reach 0 wakes as soon as it may
   * have, instead of polling the database in a tight loop. Rows settled by other replicas are seen
   * only when the wait runs out.
   */
  public void awaitProgress(long millis) throws InterruptedException {
    synchronized (progress) {
      progress.wait(millis);
    }
  }

  private void loop() {
    while (running) {
      try {
        if (clock.millis() >= nextPrune) {
          int pruned = store.prune(clock.millis() - policy.keep().toMillis());
          log.debug("outbox: pruned {} old rows", pruned);
          nextPrune = clock.millis() + 3_600_000;
        }
        if (deliverDue() == 0) {
          // Sleep until woken, the next poll, or the earliest time this worker put a row off to.
          long until = Math.min(soonest, clock.millis() + policy.poll().toMillis());
          soonest = Long.MAX_VALUE;
          wake.tryAcquire(Math.max(1, until - clock.millis()), TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("outbox: worker error; retrying in {}", policy.poll(), e);
        sleep();
      }
    }
  }

  private void deliver(Delivery d) {
    ChatAdapter adapter = delegates.get(d.where().platform());
    if (adapter == null) {
      store.failed(d.id(), "no adapter for platform " + d.where().platform());
      return;
    }
    Pace pace = Pace.NONE;
    try {
      if (d.kind() == Delivery.Kind.POST) {
        pace = adapter.pace(Pace.Kind.POST, d.where(), d.message());
        if (paced(d, pace)) {
          MessageRef posted = post(adapter, d);
          store.sent(d.id(), posted.messageId());
        }
        return;
      }
      if (store.superseded(d)) {
        return;
      }
      Optional<String> target = resolve(d);
      if (target.isPresent()) {
        pace = adapter.pace(Pace.Kind.EDIT, d.where(), d.message());
        if (paced(d, pace)) {
          adapter.update(new MessageRef(d.where(), target.get()), d.message());
          store.sent(d.id(), target.get());
        }
      }
    } catch (ChatRetryLater e) {
      if (e.retryAfter().isPresent()) {
        pacer.pause(d.where().platform(), pace, e.retryAfter().get());
      }
      if (d.attempts() >= policy.maxAttempts()) {
        log.error(
            "outbox: giving up on row {} after {} tries: {}", d.id(), d.attempts(), e.getMessage());
        store.failed(d.id(), e.getMessage());
        return;
      }
      long wait = e.retryAfter().orElseGet(() -> policy.backoff(d.attempts())).toMillis();
      log.warn("outbox: row {} retried in {} ms: {}", d.id(), wait, e.getMessage());
      retryAt(d.id(), clock.millis() + wait, e.getMessage());
    } catch (RuntimeException e) {
      log.error("outbox: row {} failed for good: {}", d.id(), e.getMessage(), e);
      store.failed(d.id(), String.valueOf(e.getMessage()));
    }
  }

  /**
   * True when {@code d} may go now under its declared limits (and is counted); else it is put off
   * until they have room, without counting an attempt, and stays ahead of its conversation's later
   * rows.
   */
  private boolean paced(Delivery d, Pace pace) {
    Optional<Duration> wait = pacer.take(d.where().platform(), pace);
    if (wait.isEmpty()) {
      return true;
    }
    long at = clock.millis() + wait.get().toMillis();
    store.putOff(d.id(), at);
    soonest = Math.min(soonest, at);
    return false;
  }

  private void retryAt(long id, long at, String why) {
    store.retryAt(id, at, why);
    soonest = Math.min(soonest, at);
  }

  /**
   * Posts {@code d}; through a {@link KeyedPosts} adapter with its key, and on a second or later
   * attempt only after asking whether an earlier attempt got through after all (the worker died
   * after the platform accepted it, or the answer was lost in a timeout or a 5xx): then that
   * message is adopted instead of posting again. If the platform cannot be asked (a missing scope,
   * say), it is posted again: a repeat is better than a loss.
   */
  private MessageRef post(ChatAdapter adapter, Delivery d) {
    if (!(adapter instanceof KeyedPosts keyed)) {
      return adapter.post(d.where(), d.message());
    }
    if (d.attempts() > 1) {
      try {
        Instant since = Instant.ofEpochMilli(d.createdAt()).minus(LOOKUP_SLACK);
        Optional<MessageRef> earlier = keyed.find(d.where(), d.key(), since);
        if (earlier.isPresent()) {
          log.info(
              "outbox: row {} was delivered before as {}; not posting it again",
              d.id(),
              earlier.get().messageId());
          return earlier.get();
        }
      } catch (ChatRetryLater e) {
        throw e;
      } catch (ChatException e) {
        log.warn(
            "outbox: cannot look for an earlier delivery of row {}: {}", d.id(), e.getMessage());
      }
    }
    return keyed.post(d.where(), d.message(), d.key());
  }

  /** The platform id an update targets; empty (and the row settled) when there is none yet. */
  private Optional<String> resolve(Delivery d) {
    if (!d.target().startsWith(OutboxAdapter.PREFIX)) {
      return Optional.of(d.target());
    }
    long postId = Long.parseLong(d.target().substring(OutboxAdapter.PREFIX.length()));
    OutboxStore.Status post =
        store.status(postId).orElse(new OutboxStore.Status(OutboxStore.FAILED, null));
    if (OutboxStore.SENT.equals(post.state())) {
      return Optional.of(post.postedId());
    }
    if (OutboxStore.FAILED.equals(post.state())) {
      store.failed(d.id(), "the message it edits (outbox row " + postId + ") was never posted");
    } else {
      retryAt(d.id(), clock.millis() + policy.firstBackoff().toMillis(), "post not sent yet");
    }
    return Optional.empty();
  }

  private void sleep() {
    try {
      Thread.sleep(policy.poll().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    wake.release();
    Thread t = worker;
    if (t != null) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
