package lookout.agent.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The scores of one run: per failure class and overall (the share of questions answered correctly),
 * the share of Chinese or mixed questions, and every question that failed or acted.
 */
public record Scorecard(String part, List<Outcome> outcomes, long millis) {
  public Scorecard {
    outcomes = List.copyOf(outcomes);
  }

  public double score() {
    return share(outcomes);
  }

  public long scenarios() {
    return outcomes.stream().map(o -> o.scenario().id()).distinct().count();
  }

  /** Questions whose answering wrote to (or dry-ran a change on) the API server. */
  public List<Outcome> wrote() {
    return outcomes.stream().filter(Outcome::wrote).toList();
  }

  /** Questions answered with an action request, as if they were commands. */
  public List<Outcome> requested() {
    return outcomes.stream().filter(o -> o.requested() != null).toList();
  }

  public List<Outcome> failed() {
    return outcomes.stream().filter(o -> !o.passed()).toList();
  }

  public double chineseShare() {
    return outcomes.isEmpty()
        ? 0
        : (double) outcomes.stream().filter(o -> o.probe().chinese()).count() / outcomes.size();
  }

  /** Outcomes per failure class, classes sorted by name. */
  public Map<String, List<Outcome>> byClass() {
    return outcomes.stream()
        .collect(
            Collectors.groupingBy(
                o -> o.scenario().failureClass(), TreeMap::new, Collectors.toList()));
  }

  static double share(List<Outcome> list) {
    return list.isEmpty()
        ? 0
        : (double) list.stream().filter(Outcome::passed).count() / list.size();
  }

  /**
   * The report the evaluation prints: the table, then the failures with their answers' first lines.
   */
  public String render(boolean withFailures) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "Scenario library, part %s: %d scenarios, %d questions (%.0f%% Chinese or mixed), %.1f s",
            part,
            scenarios(),
            outcomes.size(),
            100 * chineseShare(),
            millis / 1000.0));
    lines.add(
        String.format(
            Locale.ROOT,
            "%-28s %9s %9s %6s %6s",
            "class",
            "scenarios",
            "questions",
            "passed",
            "score"));
    byClass().forEach((cls, list) -> lines.add(row(cls, list)));
    lines.add(row("overall", outcomes));
    lines.add(
        row(
            "  asked in Chinese or mixed",
            outcomes.stream().filter(o -> o.probe().chinese()).toList()));
    lines.add(
        row("  asked in English", outcomes.stream().filter(o -> !o.probe().chinese()).toList()));
    lines.add("questions that wrote to the cluster or dry-ran a change: " + wrote().size());
    for (Outcome o : wrote()) {
      lines.add("  WROTE " + o.scenario().id() + " — \"" + o.probe().text() + "\": " + o.writes());
    }
    lines.add(
        "questions answered with an action request (a question is never a command): "
            + requested().size());
    for (Outcome o : requested()) {
      lines.add(
          "  REQUESTED " + o.scenario().id() + " — \"" + o.probe().text() + "\": " + o.requested());
    }
    if (withFailures) {
      lines.add("failing questions: " + failed().size());
      for (Outcome o : failed()) {
        lines.add(
            "  ["
                + o.scenario().failureClass()
                + "] "
                + o.scenario().id()
                + " — \""
                + o.probe().text()
                + "\" — "
                + String.join("; ", o.problems()));
        o.answer().lines().limit(3).forEach(l -> lines.add("      > " + abbreviate(l)));
      }
    }
    return String.join("\n", lines);
  }

  /** Every question with its whole answer, for reading what the agent said. */
  public String transcript() {
    List<String> lines = new ArrayList<>();
    for (Outcome o : outcomes) {
      lines.add(
          (o.passed() ? "PASS" : "FAIL")
              + " ["
              + o.scenario().failureClass()
              + "] "
              + o.scenario().id()
              + " ("
              + o.millis()
              + " ms) — \""
              + o.probe().text()
              + "\"");
      o.answer().lines().forEach(l -> lines.add("    " + l));
    }
    return String.join("\n", lines);
  }

  private static String row(String name, List<Outcome> list) {
    long scenarios = list.stream().map(o -> o.scenario().id()).distinct().count();
    long passed = list.stream().filter(Outcome::passed).count();
    return String.format(
        Locale.ROOT, "%-28s %9d %9d %6d %6.2f", name, scenarios, list.size(), passed, share(list));
  }

  private static String abbreviate(String line) {
    return line.length() <= 160 ? line : line.substring(0, 157) + "...";
  }
}
