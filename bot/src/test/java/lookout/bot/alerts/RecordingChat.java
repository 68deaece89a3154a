package lookout.bot.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Pace;

/**
 * A chat platform that remembers every post and edit with its time, under any platform name, so
 * tests and the storm benchmark can count messages per channel and check rate limits; it declares
 * the limits it is given, for the outbox in front of it to keep. Thread-safe.
 */
public final class RecordingChat implements ChatAdapter {
  /** One call: a post (new message or thread reply) or an edit of {@code id}. */
  public record Call(
      String kind, String channel, String thread, String id, Message message, long nanos) {}

  /** The limits a platform declares, as its adapter's {@link ChatAdapter#pace} would. */
  @FunctionalInterface
  public interface Pacing {
    Pace pace(Pace.Kind kind, ConversationRef where, Message message);
  }

  private final String platform;
  private final Pacing pacing;
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Message> latest = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, String> refusing = new ConcurrentHashMap<>();

  /** A platform without limits. */
  public RecordingChat(String platform) {
    this(platform, (kind, where, message) -> Pace.NONE);
  }

  /** A platform limited as {@code pacing} declares (an outbox in front of it keeps to that). */
  public RecordingChat(String platform, Pacing pacing) {
    this.platform = platform;
    this.pacing = pacing;
  }

  /** At most {@code perSecond} posts and edits a second into one channel. */
  public static RecordingChat perChannel(String platform, int perSecond) {
    return new RecordingChat(
        platform,
        (kind, where, message) ->
            Pace.of(
                new Pace.Limit(
                    "channel:" + where.channel(), perSecond, java.time.Duration.ofSeconds(1))));
  }

  @Override
  public Pace pace(Pace.Kind kind, ConversationRef where, Message message) {
    return pacing.pace(kind, where, message);
  }

  @Override
  public String platform() {
    return platform;
  }

  /** From now on {@code channel} cannot be opened nor posted to, for {@code reason}. */
  public void refuse(String channel, String reason) {
    refusing.put(channel, reason);
  }

  /** {@code channel} takes posts again. */
  public void accept(String channel) {
    refusing.remove(channel);
  }

  @Override
  public void open(ConversationRef where) {
    String reason = refusing.get(where.channel());
    if (reason != null) {
      throw new ChatException("channel: cannot open " + where.channel() + ": " + reason);
    }
  }

  @Override
  public MessageRef post(ConversationRef where, Message message) {
    open(where);
    String id = platform + "-" + ids.incrementAndGet();
    latest.put(id, message);
    record(new Call("post", where.channel(), where.thread(), id, message, System.nanoTime()));
    return new MessageRef(where, id);
  }

  @Override
  public void update(MessageRef ref, Message message) {
    if (!latest.containsKey(ref.messageId())) {
      throw new ChatException(
          "while updating " + platform + " message " + ref.messageId() + ": no such message");
    }
    latest.put(ref.messageId(), message);
    record(
        new Call(
            "edit",
            ref.conversation().channel(),
            null,
            ref.messageId(),
            message,
            System.nanoTime()));
  }

  private synchronized void record(Call call) {
    calls.add(call);
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Root posts (not thread replies) in {@code channel}. */
  public List<Call> roots(String channel) {
    return calls().stream()
        .filter(c -> c.kind().equals("post") && c.thread() == null && c.channel().equals(channel))
        .toList();
  }

  /** The current content of a message. */
  public Message current(String id) {
    return latest.get(id);
  }

  /** The most calls seen in any one-second window of {@code channel}. */
  public int peakPerSecond(String channel) {
    List<Long> times =
        calls().stream()
            .filter(c -> c.channel().equals(channel))
            .map(Call::nanos)
            .sorted()
            .toList();
    int peak = 0;
    int start = 0;
    for (int end = 0; end < times.size(); end++) {
      while (times.get(end) - times.get(start) >= 1_000_000_000L) {
        start++;
      }
      peak = Math.max(peak, end - start + 1);
    }
    return peak;
  }
}
