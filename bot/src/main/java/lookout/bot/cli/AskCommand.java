package lookout.bot.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.UserRef;
import lookout.bot.wiring.Lookout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** One question, one answer on stdout, through the same conversation path as chat. */
@Command(name = "ask", description = "Ask one question and print the answer.")
final class AskCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "QUESTION", description = "e.g. \"why is checkout failing in staging?\"")
  String question;

  @Option(names = "--user", description = "Who is asking (recorded as cli:<user>; default: $USER).")
  String user = System.getProperty("user.name", "cli");

  @Override
  public Integer call() throws Exception {
    TerminalAdapter terminal = new TerminalAdapter(spec.commandLine().getOut());
    try (Lookout lookout = Lookout.open(common.load(null), terminal)) {
      String id = UUID.randomUUID().toString();
      lookout
          .conversations()
          .answer(
              new Inbound(
                  id,
                  new ConversationRef(TerminalAdapter.PLATFORM, "terminal", id),
                  id,
                  new UserRef(TerminalAdapter.PLATFORM, user),
                  question));
    }
    return 0;
  }
}
