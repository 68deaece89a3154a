/**
 * The database (SQLite by default): the source of truth for approvals, audit and delivery dedupe.
 */
package lookout.bot.db;
