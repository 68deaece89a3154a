package lookout.agent.scenarios;

import java.util.ArrayList;
import java.util.List;
import lookout.agent.Answer;
import lookout.approvals.Action;

/** An answer as the words a reader sees: summary, sections, suggested actions. */
final class AnswerText {
  private AnswerText() {}

  static String of(Answer answer) {
    List<String> lines = new ArrayList<>();
    lines.add(answer.summary());
    for (Answer.Section section : answer.sections()) {
      lines.add(section.heading());
      lines.addAll(section.lines());
    }
    for (Action action : answer.suggestions()) {
      lines.add("[button] " + action.describe());
    }
    answer.requested().ifPresent(a -> lines.add("[requested] " + a.describe()));
    return String.join("\n", lines);
  }
}
