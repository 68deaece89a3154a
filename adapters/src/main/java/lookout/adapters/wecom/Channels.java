package lookout.adapters.wecom;

import java.util.Optional;

/**
 * The channel part of a WeCom {@link lookout.adapters.chat.ConversationRef}; it names the surface
 * that carries the message:
 *
 * <ul>
 *   <li>{@code app:<UserID>} — the self-built app's chat with one member;
 *   <li>{@code aibot:group:<chatid>} / {@code aibot:single:<UserID>} — an AI-bot conversation, its
 *       thread being the message id whose {@code response_url} answers it;
 *   <li>{@code robot:<name>} — a group robot webhook configured under that name (alerts).
 * </ul>
 */
public final class Channels {
  public static final String APP = "app:";
  public static final String AIBOT = "aibot:";
  public static final String ROBOT = "robot:";

  private Channels() {}

  public static String app(String userId) {
    return APP + userId;
  }

  static String aibot(String chat, boolean group) {
    return AIBOT + (group ? "group:" : "single:") + chat;
  }

  public static String robot(String name) {
    return ROBOT + name;
  }

  /** The rest of {@code channel} after {@code prefix}, if it starts with it. */
  static Optional<String> after(String prefix, String channel) {
    return channel.startsWith(prefix) && channel.length() > prefix.length()
        ? Optional.of(channel.substring(prefix.length()))
        : Optional.empty();
  }
}
