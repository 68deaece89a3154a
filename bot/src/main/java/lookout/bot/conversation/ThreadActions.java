package lookout.bot.conversation;

import java.util.Optional;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.Message;

/**
 * Actions on a thread that another part of the bot owns (alert roots: acknowledge, silence), tried
 * by {@link Conversations} before approvals and the agent. Both methods block (database,
 * Alertmanager): they are called on virtual threads.
 */
public interface ThreadActions {
  /**
   * The prefix of the commands this handler's buttons carry (signed with {@code
   * Approvals.commandToken}), e.g. {@code alert:}.
   */
  String prefix();

  /**
   * A press of one of this handler's buttons.
   *
   * @param command the verified command, starting with {@link #prefix()}
   * @return what the person who pressed is told
   */
  ClickReply press(String command, Click click);

  /**
   * A message written in a thread: the reply to post there when it is one of this handler's
   * commands about that thread ("silence 2h" under an alert root), else empty and the agent
   * answers.
   */
  Optional<Message> command(Inbound in);
}
