package lookout.agent.chain;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lookout.agent.Answer;
import lookout.agent.grammar.ClusterMention;

/**
 * Answers and follow-up questions kept in their cluster: with several clusters an answer starts
 * with the cluster's name, and each of its buttons asks its question on that cluster, so pressing
 * one never lands in another cluster that happens to hold the same names.
 */
final class Scoped {
  private static final Pattern END = Pattern.compile("\\s*([?？!！.。]*)\\s*$");

  private Scoped() {}

  static Answer named(String cluster, Answer answer, Set<String> clusters) {
    if (clusters.size() < 2) {
      return answer;
    }
    Answer named = answer.withSummary("[" + cluster + "] " + answer.summary());
    return new Answer(
        named.summary(),
        named.sections(),
        named.suggestions(),
        named.requested(),
        named.degraded(),
        named.charts(),
        named.choices().stream()
            .map(
                c ->
                    ClusterMention.find(c.question(), clusters).named()
                        ? c
                        : new Answer.Choice(c.label(), question(c.question(), cluster)))
            .toList());
  }

  /** {@code text} asked on {@code cluster}: "why is x failing?" → "why is x failing on prod?". */
  static String question(String text, String cluster) {
    Matcher end = END.matcher(text);
    end.find();
    return text.substring(0, end.start()) + " on " + cluster + end.group(1);
  }
}
