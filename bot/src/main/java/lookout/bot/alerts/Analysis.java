package lookout.bot.alerts;

import lookout.adapters.chat.Message;

/**
 * The analysis of a group's firing alerts: the message posted in the thread and the plain text the
 * incident record keeps.
 */
record Analysis(Message message, String text) {}
