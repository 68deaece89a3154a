package lookout.agent.chain;

import java.util.Objects;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Progress;
import lookout.agent.Question;
import lookout.agent.Stage;
import lookout.agent.UnderstoodQuestion;
import lookout.agent.grammar.CommandParser;
import lookout.agent.redact.RedactingAgent;
import lookout.agent.redact.Redactor;

/**
 * The assembled agent: reads the question once (command, check-up request, clues), redacts its text
 * once for whatever may send it on, passes the understood question down the stages, and redacts the
 * answer once before it reaches chat.
 */
final class AgentChain implements Agent {
  private final CommandParser parser;
  private final Stage top;

  AgentChain(CommandParser parser, Stage top) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.top = Objects.requireNonNull(top, "top");
  }

  @Override
  public Answer ask(Question question) {
    return ask(question, Progress.NONE);
  }

  /** Interim answers are redacted like the final one: each may reach chat. */
  @Override
  public Answer ask(Question question, Progress progress) {
    UnderstoodQuestion understood =
        new UnderstoodQuestion(
            question, Redactor.redact(question.text()), parser.read(question.text()));
    Progress redacted =
        progress == Progress.NONE ? progress : a -> progress.interim(RedactingAgent.redact(a));
    return RedactingAgent.redact(top.answer(understood, redacted));
  }
}
