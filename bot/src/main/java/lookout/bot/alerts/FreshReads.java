package lookout.bot.alerts;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Batches reads of one thing many threads want at once (a cluster's silences during an alert
 * storm): one read at a time, and a caller reuses a read only if it started after the caller asked,
 * so nobody gets an answer older than their question. Callers queued behind a read are all served
 * by the next one.
 */
final class FreshReads<T> {
  private final Supplier<T> source;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong asked = new AtomicLong();
  private long served;
  private T last;

  FreshReads(Supplier<T> source) {
    this.source = source;
  }

  /** A value read after this call began. Exceptions of the source pass through. */
  T read() {
    long ticket = asked.incrementAndGet();
    lock.lock();
    try {
      if (served >= ticket) {
        return last; // a read that began after we asked has finished meanwhile
      }
      long covers = asked.get(); // everyone who asked so far asked before this read begins
      last = source.get();
      served = covers;
      return last;
    } finally {
      lock.unlock();
    }
  }
}
