package lookout.agent.cluster;

import java.util.List;

/**
 * The tail of one container's log.
 *
 * @param container the container read (resolved when the caller named none)
 * @param unavailable why there is no log (the API server's words), or null when {@code lines} is it
 * @param cut true when the output hit the byte cap and older lines were dropped
 * @param from where the lines came from when not the API server (e.g. {@code Loki at …}), or null
 */
public record LogTail(
    String container, List<String> lines, String unavailable, boolean cut, String from) {
  public LogTail {
    lines = List.copyOf(lines);
  }

  /** Lines the API server returned. */
  public LogTail(String container, List<String> lines, String unavailable, boolean cut) {
    this(container, lines, unavailable, cut, null);
  }

  static LogTail unavailable(String container, String why) {
    return new LogTail(container, List.of(), why, false);
  }
}
