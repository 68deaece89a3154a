package lookout.agent.redact;

import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Question;

/**
 * Redacts every answer of the agent it wraps before it reaches chat — including the offline
 * agent's, whose evidence quotes log lines and events verbatim.
 */
public final class RedactingAgent implements Agent {
  private final Agent delegate;

  public RedactingAgent(Agent delegate) {
    this.delegate = delegate;
  }

  @Override
  public Answer ask(Question question) {
    return redact(delegate.ask(question));
  }

  /** The answer with secrets removed from every text it carries. */
  public static Answer redact(Answer a) {
    return new Answer(
        Redactor.redact(a.summary()),
        a.sections().stream()
            .map(
                s ->
                    new Answer.Section(
                        Redactor.redact(s.heading()), Redactor.redact(s.lines()), s.code()))
            .toList(),
        a.suggestions(),
        a.requested(),
        a.degraded(),
        a.charts(),
        a.choices().stream()
            .map(c -> new Answer.Choice(Redactor.redact(c.label()), Redactor.redact(c.question())))
            .toList());
  }
}
