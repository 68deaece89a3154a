package lookout.agent.offline;

import java.util.List;
import lookout.agent.Answer;
import lookout.knowledge.Hit;
import lookout.knowledge.Search;

/** Answers "runbook …" and "incidents like …" from the knowledge search, as compact lines. */
final class KnowledgeAnswers {
  private static final int SHOWN = 5;
  // The plain search has no kind filter: over-fetch, then keep the asked-for kind.
  private static final int FETCHED = 50;

  private final Search search;

  /**
   * @param search the knowledge search, or null when there is none
   */
  KnowledgeAnswers(Search search) {
    this.search = search;
  }

  Answer runbooks(String words) {
    return answer("runbook", words, "runbook sections", "No runbook matches \"" + words + "\".");
  }

  Answer incidents(String words) {
    return answer(
        "incident",
        words,
        "past incidents",
        "No past incident matches \"" + words + "\" — nothing like it was recorded.");
  }

  private Answer answer(String kind, String words, String what, String none) {
    if (search == null) {
      return Replies.text("Knowledge search is not configured.");
    }
    List<Hit> hits;
    try {
      hits =
          search.search(words, FETCHED).stream()
              .filter(h -> h.kind().equals(kind))
              .limit(SHOWN)
              .toList();
    } catch (RuntimeException e) {
      return Replies.text("Knowledge search failed: " + e.getMessage());
    }
    if (hits.isEmpty()) {
      return Replies.text(none);
    }
    List<String> lines =
        hits.stream()
            .flatMap(
                h ->
                    java.util.stream.Stream.of(
                        h.title()
                            + (h.section().isBlank() ? "" : " › " + h.section())
                            + " — "
                            + h.location(),
                        "    " + h.snippet()))
            .toList();
    return new Answer(
        hits.size() + " " + what + " for \"" + words + "\"; best: " + hits.get(0).title(),
        List.of(new Answer.Section("Results", lines, false)),
        List.of(),
        java.util.Optional.empty(),
        true);
  }
}
