package lookout.approvals;

import java.util.Objects;

/**
 * How far the rollout a restart triggered has got, for the card after the action ran.
 *
 * @param progress e.g. "2 of 3 pods updated, 3 ready"
 * @param complete every desired pod is updated and ready
 */
public record Rollout(String progress, boolean complete) {
  public Rollout {
    Objects.requireNonNull(progress, "progress");
  }
}
