package lookout.adapters.outbox;

import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Pace;

/**
 * A chat adapter that only writes to the outbox and returns at once. A post's message id is {@code
 * outbox:<row id>} until the worker delivers it; updates of that id are delivered after the post,
 * to the platform id it got, even across a restart.
 */
final class OutboxAdapter implements ChatAdapter {
  static final String PREFIX = "outbox:";

  private final ChatAdapter delegate;
  private final OutboxStore store;
  private final Runnable wake;

  OutboxAdapter(ChatAdapter delegate, OutboxStore store, Runnable wake) {
    this.delegate = delegate;
    this.store = store;
    this.wake = wake;
  }

  @Override
  public String platform() {
    return delegate.platform();
  }

  @Override
  public MessageRef post(ConversationRef where, Message message) {
    long id = store.add(Delivery.Kind.POST, where, null, message);
    wake.run();
    return new MessageRef(where, PREFIX + id);
  }

  @Override
  public void update(MessageRef ref, Message message) {
    store.add(Delivery.Kind.UPDATE, ref.conversation(), ref.messageId(), message);
    wake.run();
  }

  /** Queues the edit and drops the message's queued edits of older versions (coalescing). */
  @Override
  public void update(MessageRef ref, Message message, long version) {
    store.addEdit(ref.conversation(), ref.messageId(), message, version);
    wake.run();
  }

  /** The platform's limits, as its adapter declares them (the worker delivers by them). */
  @Override
  public Pace pace(Pace.Kind kind, ConversationRef where, Message message) {
    return delegate.pace(kind, where, message);
  }

  @Override
  public java.util.Optional<java.time.Duration> editEvery(ConversationRef where) {
    return delegate.editEvery(where);
  }
}
