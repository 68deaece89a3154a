package lookout.bot.alerts;

import java.util.Objects;
import lookout.adapters.chat.ConversationRef;

/**
 * Where alert threads go: a platform (the name its {@code ChatAdapter} registers, e.g. {@code
 * console}, {@code slack}, {@code feishu}, {@code wecom}) and a channel or chat id on it.
 */
public record Destination(String platform, String channel) {
  public Destination {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(channel, "channel");
  }

  /**
   * Parses {@code platform:channel}; a leading {@code #} on the channel is dropped, so {@code
   * console:#alerts} and {@code console:alerts} are the same place.
   */
  public static Destination parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a destination like slack:C0123 or console:#alerts");
    }
    String platform = text.substring(0, colon).strip();
    String channel = text.substring(colon + 1).strip();
    if (channel.startsWith("#")) {
      channel = channel.substring(1);
    }
    if (platform.isEmpty() || channel.isEmpty() || !platform.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a destination like slack:C0123 or console:#alerts");
    }
    return new Destination(platform, channel);
  }

  public ConversationRef conversation() {
    return new ConversationRef(platform, channel, null);
  }

  @Override
  public String toString() {
    return platform + ":" + channel;
  }
}
