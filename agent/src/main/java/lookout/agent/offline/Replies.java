package lookout.agent.offline;

import java.util.List;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.approvals.Action;

/** Builders for offline answers: all of them are degraded (the bot says "offline mode"). */
final class Replies {
  private Replies() {}

  static Answer text(String summary) {
    return new Answer(summary, List.of(), List.of(), Optional.empty(), true);
  }

  static Answer of(String summary, List<Answer.Section> sections) {
    return new Answer(summary, sections, List.of(), Optional.empty(), true);
  }

  static Answer withSuggestions(
      String summary, List<Answer.Section> sections, List<Action> suggestions) {
    return new Answer(summary, sections, suggestions, Optional.empty(), true);
  }

  static Answer requesting(String summary, List<Answer.Section> sections, Action action) {
    return new Answer(summary, sections, List.of(), Optional.of(action), true);
  }

  static Answer.Section section(String heading, List<String> lines) {
    return new Answer.Section(heading, lines, false);
  }

  static Answer.Section code(String heading, List<String> lines) {
    return new Answer.Section(heading, lines, true);
  }

  /** "a", "a and b", "a, b and c". */
  static String join(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
  }
}
