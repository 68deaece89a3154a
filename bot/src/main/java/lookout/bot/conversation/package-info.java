/**
 * Conversations: a mention becomes a question to the agent and an answer in the thread; a button
 * press becomes an approval decision and an in-place edit of the card. The same code serves every
 * platform.
 */
package lookout.bot.conversation;
