package lookout.approvals;

import java.util.Objects;

/**
 * The outcome of validating an action with a server-side dry run, before anyone is asked to approve
 * it.
 *
 * @param change what will change, for the card: "replicas 3 → 5", "rollout restart of 3 pods"
 * @param before the target as it was when the dry run ran; execution compares against it. Null when
 *     the action has no target with replicas and a generation to compare (an MCP tool call): then
 *     no drift check runs.
 * @param observed what the dry run saw that the policy's limits check (node labels, pods without a
 *     controller or with local data)
 */
public record DryRun(String change, TargetSnapshot before, Observed observed) {
  public DryRun {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(observed, "observed");
  }

  /** A dry run with nothing for the policy to check beyond the action itself. */
  public DryRun(String change, TargetSnapshot before) {
    this(change, before, Observed.NOTHING);
  }
}
