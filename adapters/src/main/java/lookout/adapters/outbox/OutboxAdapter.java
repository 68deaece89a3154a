package lookout.adapters.outbox;

import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;

/**
 * A chat adapter that only writes to the outbox and returns at once. A post's message id is {@code
 * outbox:<row id>} until the worker delivers it; updates of that id are delivered after the post,
 * to the platform id it got, even across a restart.
 */
final class OutboxAdapter implements ChatAdapter {
  static final String PREFIX = "outbox:";

  private final String platform;
  private final OutboxStore store;
  private final Runnable wake;

  OutboxAdapter(String platform, OutboxStore store, Runnable wake) {
    this.platform = platform;
    this.store = store;
    this.wake = wake;
  }

  @Override
  public String platform() {
    return platform;
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
}
