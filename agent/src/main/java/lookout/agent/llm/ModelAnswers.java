package lookout.agent.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.agent.cluster.Capped;
import lookout.approvals.Action;

/**
 * Turns the model's text into an {@link Answer}: the first line is the summary, the rest the
 * analysis, then the trail of tools that ran (so people can see what the answer rests on).
 * Proposals become suggestions — buttons that REQUEST an action — never {@code requested}: a
 * model's idea always waits for a person's click and an approver's decision.
 */
final class ModelAnswers {
  static final int MAX_LINES = 30;

  private ModelAnswers() {}

  static Answer of(String text, Investigation.Result result, List<Action> proposals) {
    return of(text, result, proposals, List.of());
  }

  /**
   * @param unavailable tool sources that were down (an MCP server), said in the answer so nobody
   *     takes it for the whole picture
   */
  static Answer of(
      String text, Investigation.Result result, List<Action> proposals, List<String> unavailable) {
    List<String> lines = text.lines().map(ModelAnswers::plain).filter(l -> !l.isBlank()).toList();
    String summary = lines.isEmpty() ? text : Capped.line(lines.get(0));
    List<Answer.Section> sections = new ArrayList<>();
    if (lines.size() > 1) {
      sections.add(
          new Answer.Section(
              "Analysis",
              Capped.lines(lines.subList(1, lines.size()), MAX_LINES, "asking"),
              false));
    }
    if (!result.calls().isEmpty()) {
      sections.add(
          new Answer.Section(
              "Looked at",
              result.calls().stream()
                  .map(c -> c.tool() + " " + Capped.line(c.arguments()) + " → " + c.outcome())
                  .toList(),
              true));
    }
    if (!unavailable.isEmpty()) {
      sections.add(new Answer.Section("Unavailable", unavailable, false));
    }
    return new Answer(summary, sections, proposals, Optional.empty(), false);
  }

  /** Markdown the renderers would show literally: leading #, bullets stay, bold markers go. */
  private static String plain(String line) {
    return line.replaceFirst("^#+\\s*", "").replace("**", "").stripTrailing();
  }
}
