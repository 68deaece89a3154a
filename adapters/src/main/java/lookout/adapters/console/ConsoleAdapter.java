package lookout.adapters.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console chat platform, kept in memory: channels (default {@value #DEFAULT_CHANNEL}) holding
 * user and bot messages grouped in threads. Memory is bounded: each channel keeps its last {@value
 * #MESSAGES_PER_CHANNEL} messages (older ones are forgotten; the page keeps what it already shows)
 * and at most {@value #MAX_CHANNELS} channels are opened by people and bot answers. Channels the
 * configuration names ({@link #reserve}: alert and check-up destinations) exist from the start and
 * do not count against that limit, so nobody who reaches the console can crowd them out.
 * Thread-safe; nothing here blocks for long, so the event loop may call it too.
 */
public final class ConsoleAdapter implements ChatAdapter {
  public static final String PLATFORM = "console";
  public static final String DEFAULT_CHANNEL = "lobby";
  public static final int MESSAGES_PER_CHANNEL = 2_000;
  public static final int MAX_CHANNELS = 100;

  /** Channel names and user names share this shape: safe in URLs, logs and policies. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private static final Logger log = LoggerFactory.getLogger(ConsoleAdapter.class);

  private final Clock clock;
  private final int messagesPerChannel;
  private final Map<String, ChannelLog> channels = new ConcurrentHashMap<>();
  private final Set<String> reserved = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  public ConsoleAdapter() {
    this(Clock.systemUTC(), MESSAGES_PER_CHANNEL);
  }

  /** For tests: a fixed clock and a small channel capacity. */
  public ConsoleAdapter(Clock clock, int messagesPerChannel) {
    if (messagesPerChannel < 1) {
      throw new IllegalArgumentException("messagesPerChannel must be at least 1");
    }
    this.clock = clock;
    this.messagesPerChannel = messagesPerChannel;
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public MessageRef post(ConversationRef where, Message message) {
    checkPlatform(where, "posting");
    ChannelLog channel = channel(where.channel());
    String thread = where.thread() == null ? null : rootOf(channel, where.thread());
    ConsoleMessage posted =
        channel.append(nextId(), thread, Author.bot(), message.summary(), message, clock.instant());
    changed(channel.name());
    return new MessageRef(where, posted.id());
  }

  /** In memory and long-polled: a quarter second keeps the page smooth without churn. */
  @Override
  public java.util.Optional<java.time.Duration> editEvery(ConversationRef where) {
    return java.util.Optional.of(java.time.Duration.ofMillis(250));
  }

  /**
   * Opens the channel, unless it is new and the {@value #MAX_CHANNELS}-channel limit is reached.
   */
  @Override
  public void open(ConversationRef where) {
    checkPlatform(where, "opening a channel");
    channel(where.channel());
  }

  @Override
  public void update(MessageRef ref, Message message) {
    checkPlatform(ref.conversation(), "updating");
    String channelName = ref.conversation().channel();
    ChannelLog channel = channels.get(channelName);
    if (channel == null || channel.edit(ref.messageId(), message, clock.instant()).isEmpty()) {
      throw new ChatException(
          "while updating console message "
              + ref.messageId()
              + ": no bot message with that id in channel "
              + channelName);
    }
    changed(channelName);
  }

  /**
   * Stores what a person typed: a new thread root, or a reply when {@code thread} names a message
   * of the channel (a reply's id counts as its thread). Throws {@link ChatException} naming the
   * field when the channel or thread is not acceptable.
   */
  public ConsoleMessage postFromUser(String channelName, String thread, String user, String text) {
    ChannelLog channel = channel(channelName);
    String root = thread == null ? null : rootOf(channel, thread);
    ConsoleMessage posted =
        channel.append(nextId(), root, Author.user(user), text, null, clock.instant());
    changed(channel.name());
    return posted;
  }

  /** What changed in a channel after version {@code since}; an unknown channel is empty. */
  public Snapshot since(String channelName, long since) {
    ChannelLog channel = channels.get(channelName);
    return channel == null ? new Snapshot(channelName, 0, List.of()) : channel.since(since);
  }

  /** The current version of a channel, 0 when it does not exist yet. */
  public long version(String channelName) {
    ChannelLog channel = channels.get(channelName);
    return channel == null ? 0 : channel.version();
  }

  /** Finds a message by id in any channel (ids are unique across channels). */
  public Optional<ConsoleMessage> find(String messageId) {
    for (ChannelLog channel : new ArrayList<>(channels.values())) {
      Optional<ConsoleMessage> found = channel.get(messageId);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Calls {@code listener} with the channel's name after every post or edit, on the thread that
   * made it. Listeners must be quick and must not throw (a throw is logged and ignored).
   */
  public void onChange(Consumer<String> listener) {
    listeners.add(listener);
  }

  /**
   * Opens {@code name} now and keeps it outside the {@value #MAX_CHANNELS}-channel limit: a channel
   * the configuration sends to (alerts, check-ups) must take posts however many channels visitors
   * opened. Throws {@link ChatException} when the name is not a console channel name.
   */
  public void reserve(String name) {
    checkName(name);
    synchronized (channels) {
      reserved.add(name);
      channels.computeIfAbsent(name, n -> new ChannelLog(n, messagesPerChannel));
    }
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ChatException(
          "channel: \"" + name + "\" is not a console channel name (1-64 of A-Z a-z 0-9 . _ -)");
    }
  }

  private ChannelLog channel(String name) {
    checkName(name);
    ChannelLog existing = channels.get(name);
    if (existing != null) {
      return existing;
    }
    synchronized (channels) {
      if (!channels.containsKey(name) && channels.size() - reserved.size() >= MAX_CHANNELS) {
        throw new ChatException(
            "channel: cannot open console channel " + name + ", the limit is " + MAX_CHANNELS);
      }
      return channels.computeIfAbsent(name, n -> new ChannelLog(n, messagesPerChannel));
    }
  }

  private static String rootOf(ChannelLog channel, String thread) {
    return channel
        .get(thread)
        .map(ConsoleMessage::threadRoot)
        .orElseThrow(
            () ->
                new ChatException(
                    "thread: "
                        + thread
                        + " is not a message in console channel "
                        + channel.name()));
  }

  private static void checkPlatform(ConversationRef where, String doing) {
    if (!PLATFORM.equals(where.platform())) {
      throw new ChatException(
          "while " + doing + " through the console: conversation is on " + where.platform());
    }
  }

  private String nextId() {
    return "m" + ids.incrementAndGet();
  }

  private void changed(String channel) {
    for (Consumer<String> listener : listeners) {
      try {
        listener.accept(channel);
      } catch (RuntimeException e) {
        log.warn("console change listener failed for channel {}", channel, e);
      }
    }
  }
}
