package lookout.adapters.console;

import java.util.List;

/**
 * The answer to "what changed in {@code channel} since v": the channel's current version and the
 * messages whose version is newer, oldest first.
 */
public record Snapshot(String channel, long version, List<ConsoleMessage> messages) {
  public Snapshot {
    messages = List.copyOf(messages);
  }
}
