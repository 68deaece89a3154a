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
 * @param channel the platform-qualified channel it was asked in (e.g. {@code slack:C123}), which
 *     may carry a default cluster; null when it came from no channel (the CLI, MCP, alerts)
 */
public record Question(String text, String asker, String thread, String channel) {
  public Question {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(asker, "asker");
  }

  /** A question in a thread, from no particular channel. */
  public Question(String text, String asker, String thread) {
    this(text, asker, thread, null);
  }

  /** A question outside any thread: no follow-up memory. */
  public Question(String text, String asker) {
    this(text, asker, null);
  }
}
