package lookout.bot.conversation;

import java.util.Optional;
import lookout.approvals.ApprovalRequest;

/**
 * The version of an approval card: a number that grows with every change the card shows, so the
 * outbox can keep the newest of racing edits. A request only moves forward (PENDING gathering
 * approvals, APPROVED, EXECUTING, one final state), and after it a restart's rollout progress only
 * moves forward too; the version is that position, read from the same snapshot the card renders.
 */
final class CardVersions {
  // Room per stage: approvals of a pending request, checks of a rollout (both far below this).
  private static final long STEP = 1_000;

  private CardVersions() {}

  static long of(ApprovalRequest r, Optional<RolloutFollower.Progress> rollout) {
    long stage =
        switch (r.state()) {
          case PENDING -> r.approvals().size();
          case APPROVED -> STEP;
          case EXECUTING -> 2 * STEP;
          case SUCCEEDED, FAILED, DRIFTED, REJECTED, EXPIRED -> 3 * STEP;
        };
    return stage * STEP + rollout.map(RolloutFollower.Progress::check).orElse(0);
  }
}
