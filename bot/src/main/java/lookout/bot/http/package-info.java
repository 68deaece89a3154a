/** The HTTP server: health, readiness, metrics, and the routes each adapter mounts. */
package lookout.bot.http;
