package lookout.knowledge;

import java.util.Objects;

/**
 * One heading's worth of a runbook: what a search hit points at.
 *
 * @param path the runbook's path relative to its root, e.g. {@code
 *     kubernetes/KubePodCrashLooping.md}
 * @param title the runbook title (front matter {@code title}, else its first heading)
 * @param heading the section heading, empty for text before the first heading
 * @param anchor the heading's anchor as Markdown renderers make it, e.g. {@code diagnosis}
 * @param body the section text
 */
public record RunbookSection(
    String path, String title, String heading, String anchor, String body) {
  public RunbookSection {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(body, "body");
  }

  /** Where a reader finds it: path plus anchor. */
  public String location() {
    return anchor.isEmpty() ? path : path + "#" + anchor;
  }
}
