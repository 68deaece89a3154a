package lookout.adapters.console;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;

/**
 * One message in a console channel, as stored.
 *
 * @param id unique across all channels of one adapter
 * @param channel the channel it lives in
 * @param thread the id of its thread's root message, or null when it is a root itself
 * @param author a user or the bot
 * @param text what the user typed; for bot messages the summary of {@code content}
 * @param content the neutral message for bot posts, null for user posts
 * @param version the channel version at which this message last changed
 */
public record ConsoleMessage(
    String id,
    String channel,
    String thread,
    Author author,
    String text,
    Message content,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public ConsoleMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public boolean fromBot() {
    return author.kind() == Author.Kind.BOT;
  }

  /** The id of the thread this message belongs to: its root's id, or its own when it is a root. */
  public String threadRoot() {
    return thread == null ? id : thread;
  }

  /** The buttons currently on the message; none for user messages. */
  public List<Part.Button> buttons() {
    return content == null ? List.of() : content.buttons();
  }

  /**
   * The same message with new bot content, as changed at {@code now} in channel version {@code v}.
   */
  ConsoleMessage edited(Message newContent, Instant now, long v) {
    return new ConsoleMessage(
        id, channel, thread, author, newContent.summary(), newContent, createdAt, now, v);
  }
}
