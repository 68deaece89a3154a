package lookout.adapters.chat;

import java.util.List;
import java.util.Objects;

/**
 * What the bot says, independent of any platform: a one-line summary (also the notification text)
 * and ordered parts. Each adapter renders it to its own format.
 *
 * @param audience the people asked to act on this message besides whoever is in its conversation,
 *     as qualified user ids ({@code wecom:zhangsan}) — for an approval card, the approvers its
 *     policy rule names. A platform whose conversations are private (WeCom app messages) also sends
 *     the message to them; platforms that post into a shared channel ignore it. Empty for
 *     everything else: a diagnosis goes only to the conversation it answers.
 * @param interim a version that a later one will replace (an answer whose analysis is still being
 *     written): a surface that streams (the WeCom AI bot) keeps its stream open until a message
 *     that is not interim arrives
 */
public record Message(String summary, List<Part> parts, List<String> audience, boolean interim) {
  public Message {
    Objects.requireNonNull(summary, "summary");
    parts = List.copyOf(parts);
    audience = List.copyOf(audience);
  }

  public Message(String summary, List<Part> parts, List<String> audience) {
    this(summary, parts, audience, false);
  }

  /** A message for its conversation only. */
  public Message(String summary, List<Part> parts) {
    this(summary, parts, List.of());
  }

  public static Message text(String summary) {
    return new Message(summary, List.of());
  }

  /** This message, also brought to {@code people} (qualified user ids). */
  public Message toAlso(List<String> people) {
    return new Message(summary, parts, people, interim);
  }

  /** This message as a version a later one replaces. */
  public Message asInterim() {
    return new Message(summary, parts, audience, true);
  }

  /** All buttons in the message, in order. */
  public List<Part.Button> buttons() {
    return parts.stream()
        .filter(Part.Actions.class::isInstance)
        .flatMap(p -> ((Part.Actions) p).buttons().stream())
        .toList();
  }
}
