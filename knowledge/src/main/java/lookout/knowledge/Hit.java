package lookout.knowledge;

import java.util.Objects;

/**
 * One search result.
 *
 * @param id the document id, stable while the source is unchanged (e.g. {@code
 *     runbook:file:/srv/runbooks/kubernetes/KubePodCrashLooping.md#2}, {@code incident:INC-42})
 * @param kind {@code runbook} or {@code incident}
 * @param title the document title (runbook title or incident title)
 * @param section the heading the hit is in (e.g. "Diagnosis"), or empty for the whole document
 * @param location where to read it: file path with heading anchor, or incident thread link
 * @param snippet a short extract around the matching words, matches marked {@code **like this**}
 * @param score higher is better; BM25 score, or the fused reciprocal-rank score in hybrid mode
 */
public record Hit(
    String id,
    String kind,
    String title,
    String section,
    String location,
    String snippet,
    float score) {
  public Hit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(snippet, "snippet");
  }

  /** A hit whose id is its location (callers and fakes that predate ids). */
  public Hit(
      String kind, String title, String section, String location, String snippet, float score) {
    this(location, kind, title, section, location, snippet, score);
  }
}
