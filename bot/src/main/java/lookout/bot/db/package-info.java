/**
 * The database (SQLite by default, PostgreSQL for several replicas): opening it runs every table
 * owner's versioned migrations ({@code Migrations}); delivery dedupe and the button signing key.
 */
package lookout.bot.db;
