/**
 * Start-up wiring: {@link lookout.bot.wiring.Lookout} builds every component once from the
 * configuration (database, clusters, knowledge, approvals, agent, platforms, alerts, check-ups) and
 * closes them in reverse; {@link lookout.bot.wiring.LookoutServer} puts them behind the HTTP
 * server.
 */
package lookout.bot.wiring;
