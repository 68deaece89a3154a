package lookout.bot.outbox;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.MessageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound posts and edits stored in the database first, then delivered by one worker (a virtual
 * thread) through the real adapters: {@link #wrap} any {@link ChatAdapter}, hand the wrapper to the
 * bot, {@link #start} the worker. Rate limits wait as long as the platform says (Retry-After),
 * other retryable failures back off exponentially, refusals fail the row. Delivery is at least
 * once: a crash after the platform accepted a post but before the row was marked SENT re-posts it
 * when the claim's lease runs out — every other crash loses and repeats nothing.
 */
public final class Outbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final OutboxStore store;
  private final Clock clock;
  private final OutboxPolicy policy;
  private final Map<String, ChatAdapter> delegates = new ConcurrentHashMap<>();
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private Thread worker;
  private long nextPrune;

  public Outbox(DataSource db, Clock clock, OutboxPolicy policy) {
    this.store = new OutboxStore(db, clock, policy.lease());
    this.clock = clock;
    this.policy = policy;
  }

  /** An adapter for {@code delegate}'s platform that queues here; the worker calls the delegate. */
  public ChatAdapter wrap(ChatAdapter delegate) {
    delegates.put(delegate.platform(), delegate);
    return new OutboxAdapter(delegate.platform(), store, wake::release);
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
    }
    return tried;
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
          wake.tryAcquire(policy.poll().toMillis(), TimeUnit.MILLISECONDS);
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
    try {
      if (d.kind() == Delivery.Kind.POST) {
        MessageRef posted = adapter.post(d.where(), d.message());
        store.sent(d.id(), posted.messageId());
        return;
      }
      Optional<String> target = resolve(d);
      if (target.isPresent()) {
        adapter.update(new MessageRef(d.where(), target.get()), d.message());
        store.sent(d.id(), target.get());
      }
    } catch (ChatRetryLater e) {
      if (d.attempts() >= policy.maxAttempts()) {
        log.error(
            "outbox: giving up on row {} after {} tries: {}", d.id(), d.attempts(), e.getMessage());
        store.failed(d.id(), e.getMessage());
        return;
      }
      long wait = e.retryAfter().orElseGet(() -> policy.backoff(d.attempts())).toMillis();
      log.warn("outbox: row {} retried in {} ms: {}", d.id(), wait, e.getMessage());
      store.retryAt(d.id(), clock.millis() + wait, e.getMessage());
    } catch (RuntimeException e) {
      log.error("outbox: row {} failed for good: {}", d.id(), e.getMessage(), e);
      store.failed(d.id(), String.valueOf(e.getMessage()));
    }
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
      store.retryAt(d.id(), clock.millis() + policy.firstBackoff().toMillis(), "post not sent yet");
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
