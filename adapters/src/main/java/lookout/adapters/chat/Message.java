package lookout.adapters.chat;

import java.util.List;
import java.util.Objects;

/**
 * What the bot says, independent of any platform: a one-line summary (also the notification text)
 * and ordered parts. Each adapter renders it to its own format.
 */
public record Message(String summary, List<Part> parts) {
  public Message {
    Objects.requireNonNull(summary, "summary");
    parts = List.copyOf(parts);
  }

  public static Message text(String summary) {
    return new Message(summary, List.of());
  }

  /** All buttons in the message, in order. */
  public List<Part.Button> buttons() {
    return parts.stream()
        .filter(Part.Actions.class::isInstance)
        .flatMap(p -> ((Part.Actions) p).buttons().stream())
        .toList();
  }
}
