package lookout.agent;

import java.util.Objects;

/**
 * A question as the agent sees it.
 *
 * @param text what the user wrote, mention stripped
 * @param asker the verified, platform-qualified user id (e.g. {@code console:alice}); used for
 *     audit, never for authorization decisions inside the agent
 * @param thread the conversation thread the question was asked in (e.g. {@code
 *     slack:C123:1700000000.1}), so follow-ups keep context; null when there is no thread
 */
public record Question(String text, String asker, String thread) {
  public Question {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(asker, "asker");
  }

  /** A question outside any thread: no follow-up memory. */
  public Question(String text, String asker) {
    this(text, asker, null);
  }
}
