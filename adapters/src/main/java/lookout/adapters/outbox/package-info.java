/**
 * The persistent outbox: outbound posts and edits are written to the database first and delivered
 * by one worker (a virtual thread), so a rate limit, a platform outage or a restart delays a
 * message but neither loses nor repeats it. {@link lookout.adapters.outbox.Outbox} owns the worker
 * and wraps any chat adapter in an {@link lookout.adapters.outbox.OutboxAdapter}; {@code
 * OutboxStore} is the table (claims guarded across replicas), {@code OutboxPolicy} the retry and
 * lease settings, {@code Delivery} one claimed row.
 */
package lookout.adapters.outbox;
