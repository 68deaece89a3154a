package lookout.bot.ha;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps trying to take or renew a {@link LeaderLease} (every third of its time) and tells periodic
 * work whether it may run here. Leadership is judged on this process's monotonic clock from the
 * moment the last successful renewal started: when renewals fail (database unreachable) this
 * replica stops leading before its lease runs out in the database, so it never acts on a lease that
 * another replica may already have taken.
 */
public final class Leadership implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Leadership.class);

  private final LeaderLease lease;
  private final Thread renewer;
  private volatile long leadsUntilNanos = System.nanoTime();
  private volatile boolean leading;
  private volatile boolean closed;

  private Leadership(LeaderLease lease) {
    this.lease = lease;
    renew(); // decided before the first timer fires: a lone process leads from the start
    this.renewer = Thread.ofVirtual().name("leader-lease").start(this::loop);
  }

  /** Starts competing for {@code lease}; reports {@code lookout_leader} (1 = this replica). */
  public static Leadership start(LeaderLease lease, MeterRegistry registry) {
    Leadership leadership = new Leadership(lease);
    Gauge.builder("lookout_leader", leadership, l -> l.isLeader() ? 1 : 0)
        .description("1 when this replica holds the leader lease and runs the timers")
        .register(registry);
    return leadership;
  }

  /** True while this replica holds the lease (with the renewal's own duration taken off). */
  public boolean isLeader() {
    return leading && leadsUntilNanos - System.nanoTime() > 0;
  }

  /** Runs {@code task} only on the leader; a no-op elsewhere. */
  public void ifLeader(Runnable task) {
    if (isLeader()) {
      task.run();
    }
  }

  public String holder() {
    return lease.holder();
  }

  /**
   * A holder name unique to this process: the host name (the pod name in Kubernetes), the pid and a
   * random suffix (a restarted pod may reuse both).
   */
  public static String thisProcess() {
    String host = System.getenv().getOrDefault("HOSTNAME", "");
    if (host.isBlank()) {
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        host = "unknown-host";
      }
    }
    return host
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 40);
  }

  private void loop() {
    long every = Math.max(100, lease.ttl().toMillis() / 3);
    while (!closed) {
      try {
        TimeUnit.MILLISECONDS.sleep(every);
      } catch (InterruptedException e) {
        return;
      }
      renew();
    }
  }

  private void renew() {
    long started = System.nanoTime();
    boolean held;
    try {
      held = lease.tryAcquire();
    } catch (SQLException | RuntimeException e) {
      log.warn("while renewing the leader lease as {}: {}", lease.holder(), e.getMessage());
      held = false;
    }
    if (held) {
      leadsUntilNanos = started + lease.ttl().toNanos();
    }
    if (held != leading) {
      log.info(
          held
              ? "this replica ({}) now leads: it runs the approval timers (lease {})"
              : "this replica ({}) no longer leads (lease {})",
          lease.holder(),
          lease.ttl());
    }
    leading = held;
  }

  /** Stops renewing and hands the lease over at once. */
  @Override
  public void close() {
    closed = true;
    renewer.interrupt();
    try {
      renewer.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    leading = false;
    try {
      lease.release();
    } catch (SQLException | RuntimeException e) {
      log.warn("while releasing the leader lease: {}", e.getMessage());
    }
  }
}
