package lookout.adapters.console;

import io.vertx.core.Context;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Part;

/**
 * A stand-in bot: records what it is handed and answers every question in its thread with a canned
 * message carrying two buttons, through the adapter, as the real bot would.
 */
final class RecordingHandler implements ChatHandler {
  static final String RESTART = "tok-restart";
  static final String IGNORE = "tok-ignore";

  final BlockingQueue<Inbound> inbounds = new LinkedBlockingQueue<>();
  final BlockingQueue<Click> clicks = new LinkedBlockingQueue<>();
  final BlockingQueue<MessageRef> replies = new LinkedBlockingQueue<>();
  volatile boolean calledOnEventLoop;
  private final ChatAdapter adapter;

  RecordingHandler(ChatAdapter adapter) {
    this.adapter = adapter;
  }

  static Message cannedAnswer() {
    return new Message(
        "checkout is crash-looping in staging",
        List.of(
            new Part.Section("What is wrong", "OOMKilled 3 times in 10 minutes"),
            new Part.Facts(List.of(new Part.Fact("Namespace", "staging"))),
            new Part.Code("java.lang.OutOfMemoryError: Java heap space"),
            new Part.Note("from the sandbox cluster"),
            new Part.Actions(
                List.of(
                    new Part.Button("Restart", RESTART, Part.Style.PRIMARY),
                    new Part.Button("Ignore", IGNORE, Part.Style.DANGER)))));
  }

  @Override
  public void onMessage(Inbound inbound) {
    calledOnEventLoop |= Context.isOnEventLoopThread();
    inbounds.add(inbound);
    replies.add(adapter.post(inbound.conversation(), cannedAnswer()));
  }

  @Override
  public ClickReply onClick(Click click) {
    calledOnEventLoop |= Context.isOnEventLoopThread();
    clicks.add(click);
    return ClickReply.accepted("Restart approved by " + click.user().id());
  }

  static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T item = queue.poll(5, TimeUnit.SECONDS);
    if (item == null) {
      throw new AssertionError("the handler was not called within 5 s");
    }
    return item;
  }
}
