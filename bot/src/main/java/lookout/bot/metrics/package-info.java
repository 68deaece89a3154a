/** Prometheus metrics: HTTP and JVM meters from Vert.x/Micrometer plus the bot's own counters. */
package lookout.bot.metrics;
