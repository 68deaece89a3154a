/**
 * The persistent outbox: outbound posts and edits are written to the database first and delivered
 * by a worker, so a rate limit, a platform outage or a restart delays a message but neither loses
 * nor repeats it. {@link lookout.adapters.outbox.Outbox} wraps any chat adapter (the wrapper,
 * {@link lookout.adapters.outbox.OutboxAdapter}, only stores) and runs the worker, which paces each
 * platform by the limits its adapter declares ({@link lookout.adapters.outbox.Pacer}) and retries;
 * {@code OutboxStore} is the table (claims guarded across replicas), {@code OutboxPolicy} the retry
 * and lease settings, {@code Delivery} one claimed row.
 */
package lookout.adapters.outbox;
