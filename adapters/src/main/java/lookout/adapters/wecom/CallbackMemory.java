package lookout.adapters.wecom;

import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;

/**
 * What the callback routes hand to the outbound side: the short-lived handles WeCom gives only in
 * callbacks, and click outcomes to tell the clicker. Implemented by {@link WecomAdapter}.
 */
interface CallbackMemory {
  /** An AI-bot message's single-use {@code response_url} (valid for an hour). */
  void replyPath(String msgId, String responseUrl, String userId);

  /** Opens the stream reply of AI-bot message {@code msgId} (see {@link StreamFrames}). */
  void openStream(String msgId);

  /** The stream's newest content, for WeCom's refresh of it. */
  StreamFrames.Frame streamFrame(String streamId);

  /** A click's one-time right to update card {@code taskId} (valid for 72 hours). */
  void responseCode(String taskId, String code);

  /** Tells the clicker a refused click's reason (accepted ones show on the card). */
  void tell(Click click, ClickReply reply);
}
