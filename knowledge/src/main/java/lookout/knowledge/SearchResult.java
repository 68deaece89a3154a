package lookout.knowledge;

import java.util.List;

/**
 * Hits and what the caller should tell the user about the search.
 *
 * @param hits best first; empty when nothing matched or the request was refused
 * @param mode what actually ran: {@code hybrid}, {@code bm25} (also while the model loads) or
 *     {@code vector}
 * @param notices plain-language remarks, e.g. "the query was cut to 1000 characters" or "unknown
 *     kind 'foo': use runbook or incident"; empty when all went as asked
 */
public record SearchResult(List<Hit> hits, String mode, List<String> notices) {
  public SearchResult {
    hits = List.copyOf(hits);
    notices = List.copyOf(notices);
  }

  static SearchResult refused(String notice) {
    return new SearchResult(List.of(), "none", List.of(notice));
  }
}
