package lookout.agent.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.agent.cluster.Capped;
import lookout.approvals.Action;

/**
 * The one message a question gets when a model is configured: the deterministic evidence of the
 * diagnosis first, marked "analysis in progress…", then the same evidence with the model's analysis
 * as it is written, and finally the whole analysis with the tools it looked at and its proposals —
 * or the evidence with a note when the model failed.
 */
final class EvidenceFirst {
  static final int MAX_LINES = 30;
  static final String ANALYSIS = "Analysis";
  static final String IN_PROGRESS = "analysis in progress…";
  static final String IN_PROGRESS_ZH = "分析中…";

  private EvidenceFirst() {}

  static Answer inProgress(Answer evidence, String partial, boolean chinese) {
    List<String> lines = new ArrayList<>(lines(partial));
    lines.add(chinese ? IN_PROGRESS_ZH : IN_PROGRESS);
    return with(evidence, List.of(new Answer.Section(ANALYSIS, lines, false)), List.of(), false);
  }

  static Answer complete(
      Answer evidence,
      String text,
      Investigation.Result result,
      List<Action> proposals,
      List<String> unavailable) {
    List<Answer.Section> more = new ArrayList<>();
    more.add(new Answer.Section(ANALYSIS, lines(text), false));
    if (!result.calls().isEmpty()) {
      more.add(
          new Answer.Section(
              "Looked at",
              result.calls().stream()
                  .map(c -> c.tool() + " " + Capped.line(c.arguments()) + " → " + c.outcome())
                  .toList(),
              true));
    }
    if (!unavailable.isEmpty()) {
      more.add(new Answer.Section("Unavailable", unavailable, false));
    }
    return with(evidence, more, proposals, false);
  }

  static Answer failed(Answer evidence, String why, boolean chinese) {
    String note =
        chinese
            ? "模型分析不可用（" + why + "），以上为离线诊断。"
            : "The model's analysis is unavailable (" + why + "); the evidence above is complete.";
    return with(
        evidence, List.of(new Answer.Section(ANALYSIS, List.of(note), false)), List.of(), true);
  }

  /** The model's text as answer lines: markdown the renderers would show literally removed. */
  static List<String> lines(String text) {
    List<String> lines =
        text.lines()
            .map(l -> l.replaceFirst("^#+\\s*", "").replace("**", "").stripTrailing())
            .filter(l -> !l.isBlank())
            .toList();
    return Capped.lines(lines, MAX_LINES, "asking");
  }

  private static Answer with(
      Answer evidence, List<Answer.Section> more, List<Action> proposals, boolean degraded) {
    List<Answer.Section> sections = new ArrayList<>(evidence.sections());
    sections.addAll(more);
    LinkedHashSet<Action> suggestions = new LinkedHashSet<>(evidence.suggestions());
    suggestions.addAll(proposals);
    return new Answer(
        evidence.summary(),
        sections,
        List.copyOf(suggestions),
        Optional.empty(),
        degraded,
        evidence.charts(),
        evidence.choices());
  }
}
