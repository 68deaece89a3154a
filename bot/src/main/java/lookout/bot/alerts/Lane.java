package lookout.bot.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Pace;
import lookout.adapters.chat.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands alert messages for one destination to its chat adapter (the outbox, which paces them by the
 * platform's declared limits), one virtual thread per lane. The lane hands over a group's messages
 * only when nothing it handed over before is still on its way ({@link InFlight}), so while the
 * platform is the bottleneck, work waits here, kept per group: a newer root replaces an unsent
 * older one (one edit instead of many), pending change replies merge into one, a newer analysis
 * replaces an unsent one. When more groups wait than {@code stormBacklog}, the lane posts one storm
 * summary (edited as it drains) and folds change replies into the roots, which always show the
 * current state.
 */
final class Lane {
  private static final Logger log = LoggerFactory.getLogger(Lane.class);
  private static final Duration WAIT_FOR_OTHER_REPLICA = Duration.ofSeconds(1);
  private static final Duration STALE_CLAIM = Duration.ofMinutes(2);
  private static final Duration STORM_EDIT_EVERY = Duration.ofSeconds(15);
  // How often the outbox is asked while it delivers what the lane handed over, unless it says it
  // made progress first: soon at first (a fast platform is done in milliseconds), less often while
  // a slow one works through it (or another replica's worker delivers).
  private static final long IN_FLIGHT_FIRST_POLL_MILLIS = 10;
  private static final long IN_FLIGHT_MAX_POLL_MILLIS = 200;

  /** The unsent work of one group. */
  private static final class Pending {
    Message root;
    boolean mayPost;
    final List<Message> replies = new ArrayList<>();
    Message analysis;
    Instant notBefore = Instant.EPOCH;
    Instant waitingSince;
  }

  private final Destination destination;
  private final ChatAdapter adapter;
  private final GroupStore store;
  private final String owner;
  private final InFlight inFlight;
  private final int stormBacklog;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
  private final Map<String, String> roots = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicLong posts = new AtomicLong();
  private final AtomicLong edits = new AtomicLong();
  private final AtomicLong coalesced = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong storms = new AtomicLong();
  private boolean busy;
  private volatile boolean running = true;
  private final Thread worker;
  private Storm storm;
  private final AlertMeters meters;

  Lane(
      Destination destination,
      ChatAdapter adapter,
      GroupStore store,
      String owner,
      InFlight inFlight,
      int stormBacklog,
      AlertMeters meters) {
    this.meters = meters;
    this.destination = destination;
    this.adapter = adapter;
    this.store = store;
    this.owner = owner;
    this.inFlight = inFlight;
    this.stormBacklog = stormBacklog;
    this.worker = Thread.ofVirtual().name("alerts-lane-" + destination).start(this::loop);
  }

  /** Queues the latest root of a group; {@code mayPost} when this process holds the root claim. */
  void root(String groupId, Message root, boolean mayPost) {
    enqueue(
        groupId,
        p -> {
          if (p.root != null) {
            coalesced.incrementAndGet();
          }
          p.root = root;
          p.mayPost |= mayPost;
        });
  }

  void reply(String groupId, Message reply) {
    enqueue(groupId, p -> p.replies.add(reply));
  }

  void analysis(String groupId, Message analysis) {
    enqueue(
        groupId,
        p -> {
          if (p.analysis != null) {
            coalesced.incrementAndGet();
          }
          p.analysis = analysis;
        });
  }

  private void enqueue(String groupId, java.util.function.Consumer<Pending> change) {
    lock.lock();
    try {
      change.accept(pending.computeIfAbsent(groupId, k -> new Pending()));
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The root's message id here, once posted (cached; the database is the truth). */
  String rootId(String groupId) {
    String id = roots.get(groupId);
    if (id == null) {
      id = store.rootId(groupId, destination).orElse(null);
      if (id != null) {
        roots.put(groupId, id);
      }
    }
    return id;
  }

  LaneStats stats() {
    lock.lock();
    try {
      return new LaneStats(
          destination.toString(),
          posts.get(),
          edits.get(),
          coalesced.get(),
          failures.get(),
          storms.get(),
          pending.size() + (busy ? 1 : 0));
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    while (running) {
      String groupId;
      Pending work;
      int backlog;
      try {
        awaitDelivered();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      lock.lock();
      try {
        Map.Entry<String, Pending> next = nextDue();
        if (next == null) {
          busy = false;
          changed.await(
              pending.isEmpty() ? 5_000 : 200, java.util.concurrent.TimeUnit.MILLISECONDS);
          continue;
        }
        groupId = next.getKey();
        work = next.getValue();
        pending.remove(groupId);
        busy = true;
        backlog = pending.size();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
      try {
        stormCheck(backlog);
        deliver(groupId, work, storm != null);
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        log.error("while delivering alert group {} to {}", groupId, destination, e);
      }
    }
  }

  /** Waits while messages handed over earlier are still on their way to the platform. */
  private void awaitDelivered() throws InterruptedException {
    long poll = IN_FLIGHT_FIRST_POLL_MILLIS;
    while (running) {
      try {
        if (inFlight.count(destination) == 0) {
          return;
        }
        inFlight.awaitProgress(poll);
        poll = Math.min(poll * 2, IN_FLIGHT_MAX_POLL_MILLIS);
      } catch (RuntimeException e) {
        // The database is unreachable: posting would fail too, so the work waits here.
        log.warn("cannot tell what is on its way to {}: {}", destination, e.getMessage());
        Thread.sleep(1_000);
      }
    }
  }

  private Map.Entry<String, Pending> nextDue() {
    Instant now = Instant.now();
    Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Pending> e = it.next();
      if (!e.getValue().notBefore.isAfter(now)) {
        return e;
      }
    }
    return null;
  }

  private void deliver(String groupId, Pending work, boolean stormy) {
    String rootId = rootId(groupId);
    if (rootId == null) {
      if (!work.mayPost) {
        // Another replica claimed this root and is posting it: wait, or take over a stale claim.
        Instant now = Instant.now();
        work.waitingSince = work.waitingSince == null ? now : work.waitingSince;
        if (work.waitingSince.isBefore(now.minus(STALE_CLAIM))
            && store.claimRoot(groupId, destination, owner, now, now.minus(STALE_CLAIM))) {
          work.mayPost = true;
        } else {
          requeue(groupId, work, WAIT_FOR_OTHER_REPLICA);
          return;
        }
      }
      if (work.root == null) {
        requeue(groupId, work, WAIT_FOR_OTHER_REPLICA);
        return;
      }
      MessageRef posted;
      try {
        posted = adapter.post(destination.conversation(), work.root);
      } catch (ChatRetryLater e) {
        retryLater(groupId, work, e);
        return;
      } catch (ChatException e) {
        failures.incrementAndGet();
        meters.postFailure(destination.platform());
        store.releaseRoot(groupId, destination);
        log.error("while posting alert group {} to {}: {}", groupId, destination, e.getMessage());
        return;
      }
      posts.incrementAndGet();
      meters.post(destination.platform(), "root");
      rootId = posted.messageId();
      roots.put(groupId, rootId);
      store.rootPosted(groupId, destination, rootId);
      work.root = null;
    }
    MessageRef root = new MessageRef(destination.conversation(), rootId);
    try {
      if (work.root != null) {
        adapter.update(root, work.root);
        edits.incrementAndGet();
        meters.post(destination.platform(), "edit");
        work.root = null;
      }
      if (!work.replies.isEmpty()) {
        if (stormy) {
          coalesced.addAndGet(work.replies.size());
        } else {
          if (work.replies.size() > 1) {
            coalesced.addAndGet(work.replies.size() - 1L);
          }
          adapter.post(destination.conversation().inThread(rootId), merge(work.replies));
          posts.incrementAndGet();
          meters.post(destination.platform(), "reply");
        }
        work.replies.clear();
      }
      if (work.analysis != null) {
        adapter.post(destination.conversation().inThread(rootId), work.analysis);
        posts.incrementAndGet();
        meters.post(destination.platform(), "analysis");
        work.analysis = null;
      }
    } catch (ChatRetryLater e) {
      retryLater(groupId, work, e);
    } catch (ChatException e) {
      failures.incrementAndGet();
      meters.postFailure(destination.platform());
      log.error("while updating alert group {} in {}: {}", groupId, destination, e.getMessage());
    }
  }

  private static Message merge(List<Message> replies) {
    if (replies.size() == 1) {
      return replies.get(0);
    }
    List<Part> parts = new ArrayList<>();
    List<String> summaries = new ArrayList<>();
    for (Message m : replies) {
      summaries.add(m.summary());
      parts.addAll(m.parts());
    }
    return new Message(String.join(" · ", summaries), parts);
  }

  private void retryLater(String groupId, Pending work, ChatRetryLater e) {
    Duration wait = e.retryAfter().orElse(Duration.ofSeconds(2));
    log.warn(
        "{} asked to slow down ({}): retrying alert group {} in {}",
        destination,
        e.getMessage(),
        groupId,
        wait);
    requeue(groupId, work, wait);
  }

  // Puts unsent work back in front of anything newer for the same group, keeping the newest root.
  private void requeue(String groupId, Pending work, Duration wait) {
    lock.lock();
    try {
      Pending newer = pending.remove(groupId);
      if (newer != null) {
        work.root = newer.root != null ? newer.root : work.root;
        work.mayPost |= newer.mayPost;
        work.replies.addAll(newer.replies);
        work.analysis = newer.analysis != null ? newer.analysis : work.analysis;
      }
      work.notBefore = Instant.now().plus(wait);
      pending.put(groupId, work);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The storm summary of this lane while the backlog is over the threshold. */
  private final class Storm {
    final MessageRef ref;
    final Instant started = Instant.now();
    final long postsAtStart = posts.get();
    Instant lastEdit = Instant.now();
    int peak;

    Storm(MessageRef ref, int backlog) {
      this.ref = ref;
      this.peak = backlog;
    }
  }

  private void stormCheck(int backlog) {
    try {
      if (storm == null && backlog >= stormBacklog) {
        MessageRef ref =
            adapter.post(destination.conversation(), StormMessages.started(backlog, pace()));
        storms.incrementAndGet();
        posts.incrementAndGet();
        meters.post(destination.platform(), "storm");
        storm = new Storm(ref, backlog);
      } else if (storm != null) {
        storm.peak = Math.max(storm.peak, backlog);
        Instant now = Instant.now();
        if (backlog == 0) {
          adapter.update(
              storm.ref,
              StormMessages.over(
                  storm.peak,
                  posts.get() - storm.postsAtStart,
                  coalesced.get(),
                  Duration.between(storm.started, now)));
          edits.incrementAndGet();
          meters.post(destination.platform(), "storm");
          storm = null;
        } else if (now.isAfter(storm.lastEdit.plus(STORM_EDIT_EVERY))) {
          adapter.update(storm.ref, StormMessages.ongoing(backlog, storm.peak, pace()));
          edits.incrementAndGet();
          meters.post(destination.platform(), "storm");
          storm.lastEdit = now;
        }
      }
    } catch (ChatException e) {
      failures.incrementAndGet();
      meters.postFailure(destination.platform());
      log.warn("while posting the storm summary to {}: {}", destination, e.getMessage());
    }
  }

  /** The platform's slowest limit for this channel, as its adapter declares it, if any. */
  private Optional<Pace.Limit> pace() {
    return adapter.pace(Pace.Kind.POST, destination.conversation(), Message.text("")).tightest();
  }

  void close() {
    running = false;
    worker.interrupt();
  }
}
