package lookout.agent.offline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lookout.agent.Answer;
import lookout.agent.analyzers.Finding;
import lookout.agent.diagnosis.Diagnosis;
import lookout.approvals.Action;

/**
 * A {@link Diagnosis} as an answer: the headline; then the evidence (status, events — log lines
 * quoted as code); then the fix; other independent problems; what could not be read. Buttons only
 * for the actions the root cause's analyzer says would help.
 */
final class DiagnosisText {
  private static final int MAX_OTHERS = 4;
  private static final int MAX_EXPLAINED = 3;

  private DiagnosisText() {}

  static Answer answer(Diagnosis d, RecordingLogSource logs, List<Answer.Section> extra) {
    List<Answer.Section> sections = new ArrayList<>();
    Set<Action> suggestions = new LinkedHashSet<>();
    d.cause().ifPresent(c -> addFinding(sections, "Evidence", c, logs));
    for (Finding deeper : d.deeper()) {
      addFinding(sections, "Cause behind it · " + deeper.subject(), deeper, logs);
    }
    if (d.verdict() != Diagnosis.Verdict.BROKEN) {
      for (Finding note : d.notes().stream().limit(2).toList()) {
        addFinding(sections, "What happened · " + note.subject(), note, logs);
      }
    }
    List<String> explained =
        d.explained().stream()
            .limit(MAX_EXPLAINED)
            .map(f -> f.sentence() + " (" + f.reason() + ")")
            .toList();
    if (!explained.isEmpty()) {
      sections.add(Replies.section("Explained by the cause above", explained));
    }
    List<String> fixes = new ArrayList<>();
    d.cause().ifPresent(c -> fixes.addAll(c.fixes()));
    d.deeper().forEach(f -> fixes.addAll(f.fixes()));
    if (!fixes.isEmpty()) {
      sections.add(Replies.section("Fix", fixes.stream().distinct().toList()));
    }
    d.cause().ifPresent(c -> suggestions.addAll(c.suggestions()));
    d.deeper().forEach(f -> suggestions.addAll(f.suggestions()));
    // a roll back undoes whatever the failing release changed, so a stuck rollout's offer stands
    // even when another finding is the cause
    d.explained().stream()
        .flatMap(f -> f.suggestions().stream())
        .filter(a -> a instanceof lookout.approvals.RollbackWorkload)
        .forEach(suggestions::add);
    List<String> others = new ArrayList<>();
    for (Finding f : d.others().stream().limit(MAX_OTHERS).toList()) {
      others.add(
          f.severity()
              + " "
              + f.sentence()
              + (f.fixes().isEmpty() ? "" : " — fix: " + f.fixes().getFirst()));
    }
    if (d.others().size() > MAX_OTHERS) {
      others.add("… " + (d.others().size() - MAX_OTHERS) + " more");
    }
    if (!others.isEmpty()) {
      sections.add(Replies.section("Also wrong", others));
    }
    sections.addAll(extra);
    if (!d.unreadable().isEmpty()) {
      sections.add(Replies.section("Not read", d.unreadable()));
    }
    return Replies.withSuggestions(d.headline(), sections, List.copyOf(suggestions));
  }

  /** A finding's evidence as prose, its log lines as a code section after it. */
  private static void addFinding(
      List<Answer.Section> sections, String heading, Finding f, RecordingLogSource logs) {
    List<String> prose = new ArrayList<>();
    List<String> quoted = new ArrayList<>();
    for (String line : f.evidence()) {
      if (line.startsWith("hint: ")) {
        continue; // hints are the fixes, shown once under Fix
      }
      String log = logs.quoted(line);
      if (log != null) {
        quoted.add(log);
      } else {
        prose.add(line);
      }
    }
    if (!prose.isEmpty()) {
      sections.add(Replies.section(heading, prose));
    }
    if (!quoted.isEmpty()) {
      sections.add(Replies.code("Log · " + f.subject(), quoted));
    }
  }
}
