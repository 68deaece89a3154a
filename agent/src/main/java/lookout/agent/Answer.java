package lookout.agent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lookout.agent.charts.Chart;
import lookout.approvals.Action;

/**
 * The agent's reply, before any platform formatting.
 *
 * @param summary one line: what is wrong, or the direct answer, or the clarifying question
 * @param sections evidence and details, in order
 * @param suggestions actions that would help; the bot offers each as a button that requests it
 * @param requested an action the user asked for explicitly ("restart checkout in staging"); the bot
 *     turns it into an approval request, never executes it directly
 * @param degraded true when the answer comes from a fallback (e.g. no LLM); the reply says so
 * @param charts pictures that say more than the sections (usage against a limit, a volume filling
 *     up); the sections must stand without them
 */
public record Answer(
    String summary,
    List<Section> sections,
    List<Action> suggestions,
    Optional<Action> requested,
    boolean degraded,
    List<Chart> charts) {
  public Answer {
    Objects.requireNonNull(summary, "summary");
    sections = List.copyOf(sections);
    suggestions = List.copyOf(suggestions);
    Objects.requireNonNull(requested, "requested");
    charts = List.copyOf(charts);
  }

  /** An answer without charts. */
  public Answer(
      String summary,
      List<Section> sections,
      List<Action> suggestions,
      Optional<Action> requested,
      boolean degraded) {
    this(summary, sections, suggestions, requested, degraded, List.of());
  }

  public static Answer text(String summary) {
    return new Answer(summary, List.of(), List.of(), Optional.empty(), false);
  }

  /**
   * A titled block of evidence.
   *
   * @param code true for verbatim lines (logs, events) that renderers show preformatted
   */
  public record Section(String heading, List<String> lines, boolean code) {
    public Section {
      Objects.requireNonNull(heading, "heading");
      lines = List.copyOf(lines);
    }
  }
}
