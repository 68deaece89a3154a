/**
 * The chat platforms wired into Lookout: each enabled platform's adapter behind the shared outbox,
 * and how it starts receiving (webhook routes or a socket). {@link
 * lookout.bot.platforms.Platforms#open} is the one entry point.
 */
package lookout.bot.platforms;
