/**
 * The console: Lookout's embedded web chat, a real {@link lookout.adapters.chat.ChatAdapter} kept
 * in memory ({@link lookout.adapters.console.ConsoleAdapter}) plus the page and JSON API that
 * people and browser tests use to talk to it ({@link lookout.adapters.console.ConsoleRoutes}). It
 * takes the same path as Slack: verified input goes to the bot's {@link
 * lookout.adapters.chat.ChatHandler} and answers come back through {@code post}/{@code update}.
 */
package lookout.adapters.console;
