package lookout.bot.alerts;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes this process's changes to one alert group (a notification, an analysis landing, an
 * acknowledgement, a silence seen), so each reads the state the one before it wrote. Striped: 64
 * locks shared by all groups. Other replicas are kept apart by the database's guarded writes.
 */
final class GroupLocks {
  private final ReentrantLock[] locks = new ReentrantLock[64];

  GroupLocks() {
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  <T> T with(String groupId, Supplier<T> work) {
    ReentrantLock lock = locks[Math.floorMod(groupId.hashCode(), locks.length)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
