package lookout.agent.actions;

import java.util.Optional;
import lookout.approvals.Action;
import lookout.approvals.ActionExecutor;
import lookout.approvals.DryRun;
import lookout.approvals.McpToolCall;
import lookout.approvals.Rollout;
import lookout.approvals.TargetSnapshot;

/**
 * The one executor approvals sees: MCP tool calls go to the MCP executor, everything else to the
 * Kubernetes one.
 */
public final class ActionRouter implements ActionExecutor {
  private final ActionExecutor kubernetes;
  private final ActionExecutor mcp;

  public ActionRouter(ActionExecutor kubernetes, ActionExecutor mcp) {
    this.kubernetes = kubernetes;
    this.mcp = mcp;
  }

  private ActionExecutor of(Action action) {
    return action instanceof McpToolCall ? mcp : kubernetes;
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
