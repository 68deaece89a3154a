package lookout.knowledge;

import java.util.Objects;

/**
 * One search result.
 *
 * @param kind {@code runbook} or {@code incident}
 * @param title the document title (runbook title or incident title)
 * @param section the heading the hit is in (e.g. "Diagnosis"), or empty for the whole document
 * @param location where to read it: file path with heading anchor, or incident link
 * @param snippet a short extract around the matching words
 */
public record Hit(
    String kind, String title, String section, String location, String snippet, float score) {
  public Hit {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(snippet, "snippet");
  }
}
