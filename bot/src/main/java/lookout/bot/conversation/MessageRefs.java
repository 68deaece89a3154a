package lookout.bot.conversation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.MessageRef;

/**
 * Encodes a {@link MessageRef} as the opaque string approvals stores, so a card can be found and
 * edited again after a restart, and (alerts) so an incident can tell which requests were made in
 * its thread.
 */
public final class MessageRefs {
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();

  private MessageRefs() {}

  public static String encode(MessageRef ref) {
    ConversationRef c = ref.conversation();
    return String.join(
        ".",
        part(c.platform()),
        part(c.channel()),
        part(c.thread() == null ? "" : c.thread()),
        part(ref.messageId()));
  }

  public static Optional<MessageRef> decode(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] p = text.split("\\.", -1);
    if (p.length != 4) {
      return Optional.empty();
    }
    try {
      String thread = unpart(p[2]);
      return Optional.of(
          new MessageRef(
              new ConversationRef(unpart(p[0]), unpart(p[1]), thread.isEmpty() ? null : thread),
              unpart(p[3])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String part(String s) {
    return ENC.encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String unpart(String s) {
    return new String(DEC.decode(s), StandardCharsets.UTF_8);
  }
}
