package lookout.agent;

import java.util.Objects;
import lookout.agent.grammar.Reading;

/**
 * A question after it has been read and redacted, once, at the top of the agent chain; every stage
 * below works from this record instead of parsing or redacting the text again.
 *
 * @param question the question as asked (asker and thread for audit and follow-ups)
 * @param redacted the question's text with secrets removed: what may be sent to a model or kept in
 *     memory
 * @param reading what the text says: the command, a check-up request, the clues for names
 */
public record UnderstoodQuestion(Question question, String redacted, Reading reading) {
  public UnderstoodQuestion {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(redacted, "redacted");
    Objects.requireNonNull(reading, "reading");
  }
}
