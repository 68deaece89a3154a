/**
 * Scheduled check-ups: cron-style schedules per destination in the team's time zone, run once
 * across replicas, posted as one message with the details in its thread.
 */
package lookout.bot.inspect;
