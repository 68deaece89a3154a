/**
 * Alertmanager's API v2 for silences: {@link lookout.agent.alertmanager.AlertmanagerClient}
 * (create, expire, list silences; list alerts a silence would mute), {@link
 * lookout.agent.alertmanager.SilenceExecutor} (the approvals executor of the {@code silence} action
 * kind) and {@link lookout.agent.alertmanager.AlertmanagerRouting} (silences to Alertmanager,
 * everything else to the cluster's executor).
 */
package lookout.agent.alertmanager;
