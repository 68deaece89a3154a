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
 */
public record DryRun(String change, TargetSnapshot before) {
  public DryRun {
    Objects.requireNonNull(change, "change");
  }
}
