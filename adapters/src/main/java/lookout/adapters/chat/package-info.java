/**
 * The neutral chat model every adapter speaks: who said what where ({@link
 * lookout.adapters.chat.Inbound}, {@link lookout.adapters.chat.Click}) and what the bot says back
 * ({@link lookout.adapters.chat.Message}).
 */
package lookout.adapters.chat;
