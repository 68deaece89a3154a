package lookout.agent.alertmanager;

import java.util.Optional;
import lookout.approvals.Action;
import lookout.approvals.ActionExecutor;
import lookout.approvals.AlertSilence;
import lookout.approvals.DryRun;
import lookout.approvals.Rollout;
import lookout.approvals.TargetSnapshot;

/** The executor approvals sees: silences go to Alertmanager, every other action to the delegate. */
public final class AlertmanagerRouting implements ActionExecutor {
  private final ActionExecutor silences;
  private final ActionExecutor others;

  public AlertmanagerRouting(ActionExecutor silences, ActionExecutor others) {
    this.silences = silences;
    this.others = others;
  }

  private ActionExecutor of(Action action) {
    return action instanceof AlertSilence ? silences : others;
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

  // the approver's identity must reach the cluster executor (impersonation), not stop here
  @Override
  public String execute(Action action, String approvedBy) throws Exception {
    return of(action).execute(action, approvedBy);
  }

  @Override
  public Optional<Rollout> rollout(Action action) throws Exception {
    return of(action).rollout(action);
  }
}
