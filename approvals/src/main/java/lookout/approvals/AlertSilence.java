package lookout.approvals;

/**
 * Silencing alerts in Alertmanager: creating a silence or expiring one. Both are the policy's
 * action kind {@code silence}, so one rule says who may silence and unsilence in a namespace. They
 * change Alertmanager, not the cluster; the executor behind them talks to Alertmanager's API v2.
 */
public sealed interface AlertSilence extends Action permits SilenceAlerts, ExpireSilence {
  /** The policy's kind for every silence action. */
  String KIND = "silence";

  @Override
  default String kind() {
    return KIND;
  }
}
