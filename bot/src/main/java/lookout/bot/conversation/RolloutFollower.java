package lookout.bot.conversation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.Approvals;
import lookout.approvals.Rollout;

/**
 * After a restart succeeds, reads the rollout's progress every few seconds and has the card edited
 * when it changes, until it completes or a time limit passes. Progress lives in memory only: after
 * a restart of Lookout the card keeps its last edit.
 */
final class RolloutFollower {
  static final Duration EVERY = Duration.ofSeconds(5);
  static final int MAX_CHECKS = 24; // two minutes

  private final Approvals approvals;
  private final Map<String, Progress> latest = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("rollout-", 0).factory());

  RolloutFollower(Approvals approvals) {
    this.approvals = approvals;
  }

  /**
   * Starts following the rollout of a finished request; does nothing for non-restarts.
   *
   * @param edit re-renders the request's card (which asks {@link #latest} for the progress)
   */
  void follow(ApprovalRequest done, Consumer<ApprovalRequest> edit) {
    check(done, 1, edit);
  }

  /**
   * The last progress line for the card, e.g. "2 of 3 pods updated, 3 ready", numbered by the check
   * that saw it (for the card's version).
   */
  Optional<Progress> latest(String requestId) {
    return Optional.ofNullable(latest.get(requestId));
  }

  /** A progress line and the number of the check that saw it (1, 2, … at most MAX_CHECKS). */
  record Progress(int check, String text) {}

  private void check(ApprovalRequest r, int n, Consumer<ApprovalRequest> edit) {
    Optional<Rollout> now = approvals.rollout(r);
    if (now.isEmpty()) {
      return;
    }
    Rollout rollout = now.get();
    boolean last = rollout.complete() || n >= MAX_CHECKS;
    String text =
        rollout.complete()
            ? "complete: " + rollout.progress()
            : last
                ? "not complete after "
                    + EVERY.multipliedBy(n).toSeconds()
                    + "s: "
                    + rollout.progress()
                : "in progress: " + rollout.progress();
    Progress before = latest.get(r.id());
    if (before == null || !text.equals(before.text())) {
      latest.put(r.id(), new Progress(n, text));
      edit.accept(r);
    }
    if (!last) {
      timer.schedule(() -> check(r, n + 1, edit), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
