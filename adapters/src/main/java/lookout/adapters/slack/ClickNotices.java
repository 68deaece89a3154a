package lookout.adapters.slack;

import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;

/** Tells the person who pressed a button what came of it (on Slack: an ephemeral message). */
public interface ClickNotices {
  /** Called off the event loop after the bot handled the click; must not throw. */
  void tell(Click click, ClickReply reply);

  static ClickNotices none() {
    return (click, reply) -> {};
  }
}
