package lookout.agent.analyzers;

import java.util.List;

/** Reads the tail of a container's log; bounded by the caller's line count. */
public interface LogSource {
  /**
   * The last {@code lines} lines of a container's log.
   *
   * @param previous true for the previous (crashed) instance of the container
   * @return the lines, or an empty list when there is no such log
   */
  List<String> tail(String namespace, String pod, String container, boolean previous, int lines);
}
