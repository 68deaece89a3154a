package lookout.bot.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which platform deliveries were processed, in the database, so a retry or a duplicate
 * delivery (possibly to another replica) is handled once. The primary key makes the check atomic.
 *
 * <p>Webhooks arrive in bursts and one insert with its own connection and commit costs milliseconds
 * on SQLite, so callers queue their key and one writer inserts whatever has queued in a single
 * transaction (group commit): under load, hundreds of deliveries share one commit; alone, a
 * delivery waits for nothing but its own insert.
 *
 * <p>{@link #claim} does not wait for the commit at all (write-behind): the caller acknowledges at
 * once and the work starts when the database has said "new". This loses nothing the waiting version
 * would keep — the work itself lives only in memory after the acknowledgement either way, so a
 * crash in between loses it in both — and repeats nothing, because the work still starts only on
 * the primary key's verdict. Only a database failure changes the picture; see {@link #claim}.
 */
public final class DeliveryDedupe implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeliveryDedupe.class);
  private static final int MAX_BATCH = 512;
  // Beyond this many claims waiting for the writer, callers wait too: memory stays bounded.
  private static final int MAX_BEHIND = 8_192;
  private static final String INSERT =
      "INSERT INTO processed_events (event_key, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING";

  private final DataSource db;
  private final Clock clock;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

  private final Thread writer;
  private volatile boolean closed;
  private volatile boolean healthy = true;

  private record Pending(String key, CompletableFuture<Boolean> first) {}

  public DeliveryDedupe(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.writer = Thread.ofVirtual().name("delivery-dedupe").start(this::writeBatches);
  }

  /** Stops the writer and releases its connection; deliveries still queued fail. */
  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.forEach(p -> p.first().completeExceptionally(new IllegalStateException("closed")));
  }

  /** True the first time {@code platform + eventId} is seen, false for every repeat. Blocks. */
  public boolean firstTime(String platform, String eventId) {
    String key = platform + ":" + eventId;
    Pending pending = new Pending(key, new CompletableFuture<>());
    queue.add(pending);
    if (closed) {
      // Lost the race with close(): nobody will write this batch.
      pending.first().completeExceptionally(new IllegalStateException("delivery dedupe closed"));
    }
    try {
      return pending.first().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording delivery " + key, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("while recording delivery " + key, e.getCause());
    }
  }

  /**
   * Records {@code platform + eventId} and runs {@code onFirst} once the database has recorded it
   * as new (never for a repeat), on the writer's thread: hand real work to an executor. Returns at
   * once while the database keeps up. While it is failing, or when {@value #MAX_BEHIND} claims are
   * already waiting, this waits for the verdict like {@link #firstTime} and throws when there is
   * none, so the caller can refuse the delivery and the platform retries. If a write fails after
   * this returned, {@code onFirst} runs anyway: the delivery was acknowledged, and answering a
   * possible repeat beats losing it.
   */
  public void claim(String platform, String eventId, Runnable onFirst) {
    if (tryClaim(platform, eventId, onFirst)) {
      return;
    }
    if (firstTime(platform, eventId)) {
      onFirst.run();
    } else {
      log.info("duplicate delivery {} on {} ignored", eventId, platform);
    }
  }

  /**
   * {@link #claim} without ever waiting: false (and nothing recorded) when the database is failing
   * or lagging, so the caller can take the waiting path off the event loop instead.
   */
  public boolean tryClaim(String platform, String eventId, Runnable onFirst) {
    if (!healthy || queue.size() >= MAX_BEHIND) {
      return false;
    }
    String key = platform + ":" + eventId;
    CompletableFuture<Boolean> first = new CompletableFuture<>();
    first.whenComplete(
        (isFirst, error) -> {
          try {
            if (error != null) {
              log.error("could not record delivery {}; handling it anyway", key, error);
              onFirst.run();
            } else if (isFirst) {
              onFirst.run();
            } else {
              log.info("duplicate delivery {} on {} ignored", eventId, platform);
            }
          } catch (RuntimeException e) {
            log.error("while handing over delivery {}", key, e);
          }
        });
    queue.add(new Pending(key, first));
    if (closed) {
      first.completeExceptionally(new IllegalStateException("delivery dedupe closed"));
    }
    return true;
  }

  private void writeBatches() {
    List<Pending> batch = new ArrayList<>();
    Connection connection = null;
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        closeQuietly(connection);
        return;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      try {
        // The writer keeps its connection: opening one per batch costs more than the inserts.
        if (connection == null) {
          connection = db.getConnection();
        }
        insert(connection, batch);
        healthy = true;
      } catch (SQLException | RuntimeException e) {
        // Callers fall back to waiting (and refusing on failure) until a batch succeeds again.
        healthy = false;
        batch.forEach(p -> p.first().completeExceptionally(e));
        closeQuietly(connection);
        connection = null;
      }
      batch.clear();
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Already broken; a new connection is opened for the next batch.
      }
    }
  }

  /** One transaction for the batch; a key seen twice in it is "first" only once (primary key). */
  private void insert(Connection c, List<Pending> batch) throws SQLException {
    boolean[] inserted = new boolean[batch.size()];
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      long now = clock.millis();
      for (int i = 0; i < batch.size(); i++) {
        ps.setString(1, batch.get(i).key());
        ps.setLong(2, now);
        inserted[i] = ps.executeUpdate() == 1;
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).first().complete(inserted[i]);
    }
  }
}
