package lookout.knowledge.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import lookout.knowledge.Hit;

/**
 * Runbook retrieval quality over a set of cases.
 *
 * @param sectionCases cases that name a section
 * @param sectionAt1 of those, the share whose first hit is the expected runbook at that section
 * @param misses cases whose runbook was not first, with its rank and what came first
 */
public record RunbookScores(
    int queries,
    double recallAt1,
    double recallAt3,
    double mrr,
    int sectionCases,
    double sectionAt1,
    List<String> misses) {
  static final int DEPTH = 10;

  /** Runs every case through {@code search} (asked for {@link #DEPTH} hits) and scores it. */
  public static RunbookScores of(List<RunbookCase> cases, Function<RunbookCase, List<Hit>> search) {
    int at1 = 0;
    int at3 = 0;
    int sections = 0;
    int sectionsRight = 0;
    double reciprocal = 0;
    List<String> misses = new ArrayList<>();
    for (RunbookCase c : cases) {
      List<Hit> hits = search.apply(c);
      List<String> files = hits.stream().map(h -> file(h.location())).toList();
      int rank = 0;
      for (int i = 0; i < files.size() && rank == 0; i++) {
        rank = c.expected().contains(files.get(i)) ? i + 1 : 0;
      }
      at1 += rank == 1 ? 1 : 0;
      at3 += rank >= 1 && rank <= 3 ? 1 : 0;
      reciprocal += rank == 0 ? 0 : 1.0 / rank;
      if (!c.section().isEmpty()) {
        sections++;
        sectionsRight += rank == 1 && hits.get(0).location().endsWith("#" + c.section()) ? 1 : 0;
      }
      if (rank != 1) {
        misses.add(
            "%s:%d %s [%s] %s -> rank %s, top: %s"
                .formatted(
                    c.type(),
                    c.line(),
                    c.expected().get(0),
                    c.type(),
                    c.query(),
                    rank == 0 ? ">" + DEPTH : rank,
                    files.isEmpty()
                        ? "-"
                        : String.join(", ", files.subList(0, Math.min(3, files.size())))));
      }
    }
    int n = Math.max(1, cases.size());
    return new RunbookScores(
        cases.size(),
        (double) at1 / n,
        (double) at3 / n,
        reciprocal / n,
        sections,
        sections == 0 ? 0 : (double) sectionsRight / sections,
        misses);
  }

  static String file(String location) {
    return location.replaceFirst("#.*", "");
  }

  /** A Markdown table row. */
  public String row(String label) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.2f | %.2f | %.2f | %s |",
        label,
        queries,
        recallAt1,
        recallAt3,
        mrr,
        sectionCases == 0
            ? "–"
            : String.format(Locale.ROOT, "%.2f (%d)", sectionAt1, sectionCases));
  }
}
