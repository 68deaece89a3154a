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
 * @param choices follow-up questions the asker can pick instead of typing them ("which one?" with
 *     one choice per match, or the questions worth asking next); the bot shows each as a button
 *     that asks its question in the same thread. Reads only: a choice never carries an action.
 */
public record Answer(
    String summary,
    List<Section> sections,
    List<Action> suggestions,
    Optional<Action> requested,
    boolean degraded,
    List<Chart> charts,
    List<Choice> choices) {
  public Answer {
    Objects.requireNonNull(summary, "summary");
    sections = List.copyOf(sections);
    suggestions = List.copyOf(suggestions);
    Objects.requireNonNull(requested, "requested");
    charts = List.copyOf(charts);
    choices = List.copyOf(choices);
  }

  /** An answer without follow-up choices. */
  public Answer(
      String summary,
      List<Section> sections,
      List<Action> suggestions,
      Optional<Action> requested,
      boolean degraded,
      List<Chart> charts) {
    this(summary, sections, suggestions, requested, degraded, charts, List.of());
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

  /** This answer with {@code more} follow-up choices after its own. */
  public Answer withChoices(List<Choice> more) {
    List<Choice> all = new java.util.ArrayList<>(choices);
    all.addAll(more);
    return new Answer(summary, sections, suggestions, requested, degraded, charts, all);
  }

  /** This answer with another summary (a note in front of it), everything else kept. */
  public Answer withSummary(String newSummary) {
    return new Answer(newSummary, sections, suggestions, requested, degraded, charts, choices);
  }

  /**
   * A follow-up question offered as a button.
   *
   * @param label what the button says ("deployment shop/reviews")
   * @param question the question asked when it is pressed, as if the presser had typed it ("why is
   *     deployment shop/reviews failing?"); it must name its target unambiguously
   */
  public record Choice(String label, String question) {
    public Choice {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(question, "question");
    }
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
