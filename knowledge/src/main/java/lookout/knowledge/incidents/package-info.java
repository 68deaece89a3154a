/**
 * Past incidents: the {@link lookout.knowledge.incidents.Incident} record and its store over any
 * JDBC {@link javax.sql.DataSource} (SQLite by default, PostgreSQL in production). The database is
 * the source of truth; the search index is derived from it.
 */
package lookout.knowledge.incidents;
