package lookout.agent.actions;

import java.util.Optional;
import lookout.approvals.Action;
import lookout.approvals.ActionExecutor;
import lookout.approvals.AlertSilence;
import lookout.approvals.DryRun;
import lookout.approvals.McpToolCall;
import lookout.approvals.Rollout;
import lookout.approvals.TargetSnapshot;

/**
 * The one executor approvals sees: MCP tool calls go to the MCP executor, alert silences to
 * Alertmanager's, everything else to the Kubernetes one. Every call — the approver included —
 * passes through unchanged, so impersonation reaches the cluster executor.
 */
public final class ActionRouter implements ActionExecutor {
  private final ActionExecutor kubernetes;
  private final ActionExecutor mcp;
  private final ActionExecutor silences;

  /** Without Alertmanager: silences go to the Kubernetes executor, which refuses them. */
  public ActionRouter(ActionExecutor kubernetes, ActionExecutor mcp) {
    this(kubernetes, mcp, kubernetes);
  }

  public ActionRouter(ActionExecutor kubernetes, ActionExecutor mcp, ActionExecutor silences) {
    this.kubernetes = kubernetes;
    this.mcp = mcp;
    this.silences = silences;
  }

  private ActionExecutor of(Action action) {
    return switch (action) {
      case McpToolCall c -> mcp;
      case AlertSilence s -> silences;
      default -> kubernetes;
    };
  }

  @Override
  public DryRun dryRun(Action action) throws Exception {
    return of(action).dryRun(action);
  }

  @Override
  public Optional<TargetSnapshot> current(Action action) throws Exception {
    return of(action).current(action);
  }

  @Override
  public String execute(Action action) throws Exception {
    return of(action).execute(action);
  }

  @Override
  public String execute(Action action, String approvedBy) throws Exception {
    return of(action).execute(action, approvedBy);
  }

  @Override
  public Optional<Rollout> rollout(Action action) throws Exception {
    return of(action).rollout(action);
  }
}
