package lookout.adapters.slack;

import lookout.adapters.chat.Inbound;

/** What a verified Events API request turned out to be. */
sealed interface SlackEvent {
  /** Slack checking the request URL: answer with the challenge. */
  record Challenge(String challenge) implements SlackEvent {}

  /** A message for the bot: a mention or a direct message. */
  record ForBot(Inbound inbound) implements SlackEvent {}

  /** Anything the bot does not act on (its own or other bots' messages, edits, other types). */
  record Ignored(String why) implements SlackEvent {}
}
