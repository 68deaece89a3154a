package lookout.knowledge;

import java.util.List;

/** Searches runbooks and incidents. Thread-safe; blocking (call from a virtual thread). */
public interface Search {
  /**
   * The best hits for a free-text query, best first.
   *
   * @param limit at most this many hits (1..50)
   * @return hits, possibly empty; never null
   */
  List<Hit> search(String query, int limit);

  /**
   * The best runbook sections for a question, alert or finding, best first; one hit per runbook.
   * Implementations without runbook-specific handling search the query's words.
   *
   * @param limit at most this many hits (1..50)
   * @return hits, possibly empty; never null
   */
  default List<Hit> runbooks(RunbookQuery query, int limit) {
    return search(query.text(), limit);
  }
}
