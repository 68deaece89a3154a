/**
 * The Vert.x application: configuration, the HTTP server, wiring of adapters, agent, approvals and
 * knowledge, conversations, the CLI and the database.
 */
package lookout.bot;
