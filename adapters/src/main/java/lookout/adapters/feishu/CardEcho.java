package lookout.adapters.feishu;

import java.util.Optional;
import java.util.function.Supplier;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Pace;

/**
 * Lets a card callback answer with the updated card: wraps the adapter the bot edits cards through
 * and remembers the last {@code update} made on the current thread while a click is being decided
 * ({@link #capture}). The edit still goes through the wrapped adapter (the outbox), which patches
 * the message too, so the card is right even when the callback answer is lost.
 */
public final class CardEcho implements ChatAdapter {
  private static final ThreadLocal<Message[]> CAPTURING = new ThreadLocal<>();

  private final ChatAdapter delegate;

  public CardEcho(ChatAdapter delegate) {
    this.delegate = delegate;
  }

  /** What a click decision returned, and the card it edited (if it did). */
  record Echoed<T>(T value, Optional<Message> card) {}

  <T> Echoed<T> capture(Supplier<T> decide) {
    Message[] slot = new Message[1];
    CAPTURING.set(slot);
    try {
      T value = decide.get();
      return new Echoed<>(value, Optional.ofNullable(slot[0]));
    } finally {
      CAPTURING.remove();
    }
  }

  @Override
  public String platform() {
    return delegate.platform();
  }

  @Override
  public MessageRef post(ConversationRef where, Message message) {
    return delegate.post(where, message);
  }

  @Override
  public Pace pace(Pace.Kind kind, ConversationRef where, Message message) {
    return delegate.pace(kind, where, message);
  }

  @Override
  public java.util.Optional<java.time.Duration> editEvery(ConversationRef where) {
    return delegate.editEvery(where);
  }

  @Override
  public void update(MessageRef ref, Message message) {
    capture(message);
    delegate.update(ref, message);
  }

  @Override
  public void update(MessageRef ref, Message message, long version) {
    capture(message);
    delegate.update(ref, message, version);
  }

  private static void capture(Message message) {
    Message[] slot = CAPTURING.get();
    if (slot != null) {
      slot[0] = message;
    }
  }
}
