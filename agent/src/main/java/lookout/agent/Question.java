package lookout.agent;

import java.util.Objects;

/**
 * A question as the agent sees it.
 *
 * @param text what the user wrote, mention stripped
 * @param asker the verified, platform-qualified user id (e.g. {@code console:alice}); used for
 *     audit, never for authorization decisions inside the agent
 */
public record Question(String text, String asker) {
  public Question {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(asker, "asker");
  }
}
