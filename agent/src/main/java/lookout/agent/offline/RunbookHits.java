package lookout.agent.offline;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import lookout.agent.Answer;
import lookout.knowledge.Hit;
import lookout.knowledge.RunbookQuery;
import lookout.knowledge.Search;

/** The best runbook and incident sections for a finding, as "Runbook: …" lines; optional. */
final class RunbookHits {
  /** The section heading; hits may be runbook sections or past incidents. */
  static final String HEADING = "Runbooks and past incidents";

  private static final int LIMIT = 3;

  private final Search search;

  /**
   * @param search the knowledge search, or null when there is none
   */
  RunbookHits(Search search) {
    this.search = search;
  }

  Optional<Answer.Section> section(String query) {
    return hitsSection(() -> search.search(query, LIMIT));
  }

  /**
   * The best runbook sections for a finding ({@code RunbookQuery.finding(analyzer, reason, kind,
   * words)}) or an alert: its reason and kind weigh more than the words, names are left out.
   */
  Optional<Answer.Section> section(RunbookQuery query) {
    return hitsSection(() -> search.runbooks(query, LIMIT));
  }

  private Optional<Answer.Section> hitsSection(Supplier<List<Hit>> find) {
    if (search == null) {
      return Optional.empty();
    }
    List<Hit> hits;
    try {
      hits = find.get();
    } catch (RuntimeException e) {
      // runbooks are a bonus: a broken index must not cost the diagnosis
      return Optional.empty();
    }
    if (hits == null || hits.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = hits.stream().map(RunbookHits::line).toList();
    return Optional.of(Replies.section(HEADING, lines));
  }

  private static String line(Hit hit) {
    String label = "incident".equals(hit.kind()) ? "Incident: " : "Runbook: ";
    String section = hit.section().isBlank() ? "" : " › " + hit.section();
    return label + hit.title() + section + " — " + hit.location();
  }
}
