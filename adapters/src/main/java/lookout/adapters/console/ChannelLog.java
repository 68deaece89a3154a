package lookout.adapters.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import lookout.adapters.chat.Message;

/**
 * The messages of one console channel, oldest first, with a version that grows on every change so
 * clients can ask "what changed since v". Keeps at most {@code capacity} messages: the oldest are
 * forgotten first (a client that already has them keeps showing them). All methods lock the log, so
 * the bot's virtual threads and the event loop can share it.
 */
final class ChannelLog {
  private final String name;
  private final int capacity;
  // Insertion order is creation order; replacing a value keeps its position.
  private final LinkedHashMap<String, ConsoleMessage> messages = new LinkedHashMap<>();
  private long version;

  ChannelLog(String name, int capacity) {
    this.name = name;
    this.capacity = capacity;
  }

  String name() {
    return name;
  }

  synchronized ConsoleMessage append(
      String id, String thread, Author author, String text, Message content, Instant now) {
    version++;
    ConsoleMessage message =
        new ConsoleMessage(id, name, thread, author, text, content, now, now, version);
    messages.put(id, message);
    Iterator<String> oldest = messages.keySet().iterator();
    while (messages.size() > capacity) {
      oldest.next();
      oldest.remove();
    }
    return message;
  }

  /** Replaces a bot message's content; empty when there is no such message to edit. */
  synchronized Optional<ConsoleMessage> edit(String id, Message content, Instant now) {
    ConsoleMessage old = messages.get(id);
    if (old == null || !old.fromBot()) {
      return Optional.empty();
    }
    version++;
    ConsoleMessage edited = old.edited(content, now, version);
    messages.put(id, edited);
    return Optional.of(edited);
  }

  synchronized Optional<ConsoleMessage> get(String id) {
    return Optional.ofNullable(messages.get(id));
  }

  /**
   * The messages changed after version {@code since}, in creation order. A {@code since} ahead of
   * this log (the client saw an earlier run of the server) gets everything, so the client can start
   * over.
   */
  synchronized Snapshot since(long since) {
    long from = since > version ? 0 : since;
    List<ConsoleMessage> changed = new ArrayList<>();
    for (ConsoleMessage m : messages.values()) {
      if (m.version() > from) {
        changed.add(m);
      }
    }
    return new Snapshot(name, version, changed);
  }

  synchronized long version() {
    return version;
  }
}
