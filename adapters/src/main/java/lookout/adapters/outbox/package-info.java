/**
 * The persistent outbox: outbound posts and edits are written to the database first and delivered
 * by a worker, so a rate limit, a platform outage or a restart delays a message but neither loses
 * nor repeats it. {@link lookout.adapters.outbox.OutboxAdapter} wraps any chat adapter; {@link
 * lookout.adapters.outbox.OutboxWorker} delivers.
 */
package lookout.adapters.outbox;
