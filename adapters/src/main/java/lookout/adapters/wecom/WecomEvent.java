package lookout.adapters.wecom;

import lookout.adapters.chat.Click;
import lookout.adapters.chat.Inbound;

/** One decrypted, parsed WeCom callback. */
sealed interface WecomEvent {
  /**
   * A message for the bot. {@code replyUrl} is the AI bot's single-use {@code response_url} (null
   * for app messages).
   */
  record ForBot(Inbound inbound, String replyUrl) implements WecomEvent {}

  /** A button press on a template card, with the response code that may update the card once. */
  record CardClick(Click click, String responseCode) implements WecomEvent {}

  /** WeCom polling the AI bot's stream reply {@code streamId} for its newest content. */
  record StreamRefresh(String streamId) implements WecomEvent {}

  /** Something Lookout does not act on (other message types, other events); acknowledged. */
  record Ignored(String what) implements WecomEvent {}
}
