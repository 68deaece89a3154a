/**
 * Alertmanager's API v2 for silences: {@link lookout.agent.alertmanager.AlertmanagerClient}
 * (create, expire, list silences; list alerts a silence would mute), {@link
 * lookout.agent.alertmanager.SilenceExecutor} (the approvals executor of the {@code silence} action
 * kind, which {@link lookout.agent.actions.ActionRouter} sends silences to).
 */
package lookout.agent.alertmanager;
