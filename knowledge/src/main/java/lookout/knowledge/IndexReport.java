package lookout.knowledge;

import java.time.Duration;
import java.util.List;

/**
 * What an indexing run did.
 *
 * @param indexed files (or incidents) read and indexed because they were new or changed
 * @param unchanged files skipped because their content hash was unchanged
 * @param removed files deleted from the index because they are gone (or became unreadable)
 * @param documents documents (sections, incidents) written
 * @param skipped files that could not be indexed, with the reason
 * @param took wall time
 */
public record IndexReport(
    int indexed, int unchanged, int removed, int documents, List<Problem> skipped, Duration took) {
  public IndexReport {
    skipped = List.copyOf(skipped);
  }

  /** A file that was not indexed and why, e.g. "not UTF-8 text (binary?)". */
  public record Problem(String path, String reason) {}

  /** One line for logs and the CLI. */
  public String summary() {
    String text =
        "%d indexed, %d unchanged, %d removed, %d documents written, %d skipped in %d ms"
            .formatted(indexed, unchanged, removed, documents, skipped.size(), took.toMillis());
    for (Problem p : skipped) {
      text += "\n  skipped " + p.path() + ": " + p.reason();
    }
    return text;
  }
}
