package lookout.agent.tools;

import java.util.List;
import lookout.knowledge.Hit;
import lookout.knowledge.Search;

/** Runbook and incident search as a few lines: title › section — location, then the snippet. */
public final class KnowledgeService {
  static final int HITS = 4;
  private final Search search;

  /**
   * @param search null when there is no knowledge base: calls say so
   */
  public KnowledgeService(Search search) {
    this.search = search;
  }

  public String search(String query) {
    if (search == null) {
      return "NO_DATA: no runbooks or incidents are configured";
    }
    if (query == null || query.isBlank()) {
      return "NO_DATA: give search words, e.g. OOMKilled memory limit";
    }
    List<Hit> hits = search.search(query, HITS);
    if (hits.isEmpty()) {
      return "NO_DATA: nothing matches " + query + "; try fewer or other words";
    }
    StringBuilder sb = new StringBuilder();
    for (Hit h : hits) {
      sb.append(h.kind())
          .append(": ")
          .append(h.title())
          .append(h.section().isBlank() ? "" : " › " + h.section())
          .append(" — ")
          .append(h.location())
          .append('\n')
          .append("  ")
          .append(lookout.agent.cluster.Capped.line(h.snippet()))
          .append('\n');
    }
    return sb.toString().stripTrailing();
  }
}
