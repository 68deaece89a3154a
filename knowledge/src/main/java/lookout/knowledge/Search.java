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
}
