package lookout.testing;

import java.time.Duration;

/**
 * Waiting on a condition instead of sleeping: the condition is checked at once, then every {@link
 * #EVERY} (or the interval given) until it holds or the timeout passes, so a test waits exactly as
 * long as the thing it waits for takes and fails with a message naming what never happened.
 * AssertionErrors inside a check mean "not yet"; any other exception ends the wait at once.
 */
public final class Eventually {
  /** How often a condition is checked unless told otherwise. */
  public static final Duration EVERY = Duration.ofMillis(10);

  /** A condition that may read a database or a server. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  /** A value that is there once something happened; {@code null} until then. */
  @FunctionalInterface
  public interface Probe<T> {
    T get() throws Exception;
  }

  /** Assertions that pass once something happened. */
  @FunctionalInterface
  public interface Check {
    void run() throws Exception;
  }

  private Eventually() {}

  /** Waits until {@code condition} holds; fails naming {@code what} after {@code timeout}. */
  public static void until(String what, Duration timeout, Condition condition)
      throws InterruptedException {
    until(what, timeout, EVERY, condition);
  }

  public static void until(String what, Duration timeout, Duration every, Condition condition)
      throws InterruptedException {
    value(what, timeout, every, () -> condition.holds() ? Boolean.TRUE : null);
  }

  /** The first non-null value of {@code probe}; fails naming {@code what} after {@code timeout}. */
  public static <T> T value(String what, Duration timeout, Probe<T> probe)
      throws InterruptedException {
    return value(what, timeout, EVERY, probe);
  }

  public static <T> T value(String what, Duration timeout, Duration every, Probe<T> probe)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    AssertionError last = null;
    while (true) {
      try {
        T v = probe.get();
        if (v != null) {
          return v;
        }
      } catch (AssertionError e) {
        last = e;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError("while waiting for " + what + ": " + e, e);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        AssertionError timedOut =
            new AssertionError("still waiting for " + what + " after " + timeout);
        if (last != null) {
          timedOut.initCause(last);
        }
        throw timedOut;
      }
      Thread.sleep(Duration.ofNanos(Math.min(left, every.toNanos())));
    }
  }

  /**
   * Runs {@code check} until it passes (an AssertionError means "not yet"); after {@code timeout}
   * its last failure is thrown, so the message says what was still wrong.
   */
  public static void asserted(Duration timeout, Check check) throws InterruptedException {
    asserted(timeout, EVERY, check);
  }

  public static void asserted(Duration timeout, Duration every, Check check)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() >= deadline) {
          throw e;
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError("while checking: " + e, e);
      }
      Thread.sleep(every);
    }
  }
}
