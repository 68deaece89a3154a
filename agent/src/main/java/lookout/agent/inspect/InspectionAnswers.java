package lookout.agent.inspect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lookout.agent.Answer;
import lookout.agent.analyzers.Finding;
import lookout.agent.text.Ages;
import lookout.approvals.Action;

/**
 * A compared check-up as answers: a {@link #root} for the channel (headline, one line per open
 * finding) and {@link #details} for its thread (evidence of new findings only — persisting ones
 * were explained in an earlier report and get one line). {@link #whole} joins both for an on-demand
 * check-up answered in a mention's thread.
 */
public final class InspectionAnswers {
  /** Open findings listed by name in the root; the thread has the rest. */
  static final int ROOT_LINES = 8;

  static final int EVIDENCE_LINES = 6;
  static final int MAX_SUGGESTIONS = 5;

  private InspectionAnswers() {}

  public static Answer root(Comparison c) {
    List<String> open = new ArrayList<>();
    c.added().forEach(f -> open.add("new · " + line(f)));
    c.persisting()
        .forEach(p -> open.add("still open " + since(p.since(), c) + " · " + line(p.finding())));
    List<Answer.Section> sections = new ArrayList<>();
    if (!open.isEmpty()) {
      List<String> shown = new ArrayList<>(open.subList(0, Math.min(ROOT_LINES, open.size())));
      if (open.size() > ROOT_LINES) {
        shown.add("… and " + (open.size() - ROOT_LINES) + " more in the thread");
      }
      sections.add(new Answer.Section("Findings", shown, false));
    }
    if (!c.resolved().isEmpty()) {
      sections.add(
          new Answer.Section(
              "Resolved since the last check-up",
              c.resolved().stream().map(s -> s.subject() + ": " + s.summary()).toList(),
              false));
    }
    return new Answer(headline(c), sections, List.of(), Optional.empty(), true);
  }

  public static Answer details(Comparison c) {
    List<Answer.Section> sections = new ArrayList<>();
    for (Finding f : c.added()) {
      List<String> lines = new ArrayList<>();
      lines.add(f.summary());
      f.evidence().stream().limit(EVIDENCE_LINES).forEach(lines::add);
      sections.add(new Answer.Section(f.severity() + " · " + f.subject(), lines, false));
    }
    if (!c.persisting().isEmpty()) {
      sections.add(
          new Answer.Section(
              "Still open (explained in an earlier check-up)",
              c.persisting().stream()
                  .map(p -> line(p.finding()) + " — " + since(p.since(), c))
                  .toList(),
              false));
    }
    if (!c.report().usage().isEmpty()) {
      sections.add(new Answer.Section("Usage", c.report().usage(), false));
    }
    if (!c.report().notes().isEmpty()) {
      sections.add(new Answer.Section("Not checked", c.report().notes(), false));
    }
    String summary =
        sections.isEmpty() ? "Nothing to add: no findings." : "Details of the check-up.";
    return new Answer(summary, sections, suggestions(c), Optional.empty(), true);
  }

  public static Answer whole(Comparison c) {
    Answer root = root(c);
    Answer details = details(c);
    List<Answer.Section> sections = new ArrayList<>();
    // The root's "Findings" list repeats the details; keep only what the details lack.
    root.sections().stream().filter(s -> !s.heading().equals("Findings")).forEach(sections::add);
    sections.addAll(0, details.sections());
    return new Answer(root.summary(), sections, details.suggestions(), Optional.empty(), true);
  }

  /**
   * {@code answer} with a prose summary on top, when {@code writer} gives one for the report's
   * text.
   */
  public static Answer summarized(
      Answer answer, Comparison c, ReportWriter writer, boolean chinese) {
    String text =
        whole(c).sections().stream()
            .map(s -> s.heading() + "\n" + String.join("\n", s.lines()))
            .reduce(headline(c), (a, b) -> a + "\n\n" + b);
    var summary = writer.summarize(lookout.agent.redact.Redactor.redact(text), chinese);
    if (summary.isEmpty()) {
      return answer;
    }
    List<Answer.Section> sections = new ArrayList<>();
    sections.add(new Answer.Section("Summary", List.of(summary.get()), false));
    sections.addAll(answer.sections());
    return new Answer(
        answer.summary(),
        sections,
        answer.suggestions(),
        answer.requested(),
        answer.degraded(),
        answer.charts());
  }

  static String headline(Comparison c) {
    InspectionReport r = c.report();
    String what = "Check-up of " + r.scope();
    List<Finding> all = r.findings();
    if (all.isEmpty()) {
      return what
          + ": all clear"
          + (c.resolved().isEmpty() ? "" : " (" + c.resolved().size() + " resolved)")
          + ".";
    }
    long critical = all.stream().filter(f -> f.severity() == Finding.Severity.CRITICAL).count();
    long warning = all.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
    String counts =
        c.previous().isEmpty()
            ? all.size() + " finding" + (all.size() == 1 ? "" : "s")
            : c.added().size()
                + " new, "
                + c.persisting().size()
                + " still open, "
                + c.resolved().size()
                + " resolved";
    return what + ": " + counts + " (" + critical + " critical, " + warning + " warning).";
  }

  private static String line(Finding f) {
    return f.subject() + ": " + f.summary();
  }

  private static String since(Instant since, Comparison c) {
    return "since " + Ages.age(Duration.between(since, c.report().at())) + " ago";
  }

  private static List<Action> suggestions(Comparison c) {
    Set<Action> actions = new LinkedHashSet<>();
    c.added().forEach(f -> actions.addAll(f.suggestions()));
    c.persisting().forEach(p -> actions.addAll(p.finding().suggestions()));
    return actions.stream().limit(MAX_SUGGESTIONS).toList();
  }
}
