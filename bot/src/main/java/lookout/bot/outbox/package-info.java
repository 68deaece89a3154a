/**
 * The persistent outbox: outbound posts and edits are written to the database first and delivered
 * by a worker, so a rate limit, a platform outage or a restart delays a message but neither loses
 * nor repeats it. {@link lookout.bot.outbox.OutboxAdapter} wraps any chat adapter; {@link
 * lookout.bot.outbox.OutboxWorker} delivers.
 */
package lookout.bot.outbox;
