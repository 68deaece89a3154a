package lookout.bot.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.text.PlainText;

/**
 * The chat adapter behind {@code lookout ask}: what the bot would post in a thread is printed to
 * the terminal, so the CLI takes the same conversation path as chat.
 */
final class TerminalAdapter implements ChatAdapter {
  static final String PLATFORM = "cli";

  private final PrintWriter out;
  private final AtomicLong ids = new AtomicLong();

  TerminalAdapter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public MessageRef post(ConversationRef where, Message message) {
    out.print(PlainText.render(message));
    out.flush();
    return new MessageRef(where, "m" + ids.incrementAndGet());
  }

  @Override
  public void update(MessageRef ref, Message message) {
    out.print("(updated) " + PlainText.render(message));
    out.flush();
  }
}
