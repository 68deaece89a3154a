/**
 * Alertmanager alerts as chat threads: the signed {@code POST /alertmanager} webhook, label routing
 * to destinations, one thread per alert group kept in the database (root edited, replies only for
 * what changed), the analysis posted into the thread, incidents recorded on resolve, and flood
 * control (per-destination rate limits, coalescing, storm summaries).
 *
 * <p>Flow: {@link lookout.bot.alerts.AlertRoutes} (auth, size, parse) → {@link
 * lookout.bot.alerts.AlertThreads} (route, diff, persist) → {@link lookout.bot.alerts.Lanes}
 * (rate-limited delivery through the bot's {@code ChatAdapter}s) and {@link
 * lookout.bot.alerts.AlertAnalyst} (agent, runbook, similar incidents).
 */
package lookout.bot.alerts;
