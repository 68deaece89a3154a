package lookout.agent.chain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.agent.UnderstoodQuestion;
import lookout.approvals.Action;

/**
 * "Inspect all clusters", "所有集群有什么问题": the question answered by every cluster at once, each answer
 * a part of one reply headed by its cluster; a cluster that does not answer in time is named and
 * the others' answers still come. Requests for actions are not spread over clusters: a restart
 * names its cluster.
 */
final class Everywhere {
  private final Map<String, ClusterRouter.Lane> lanes;
  private final Duration bound;

  Everywhere(Map<String, ClusterRouter.Lane> lanes, Duration lookupBound) {
    this.lanes = lanes;
    this.bound = lookupBound.multipliedBy(ClusterRouter.ANSWER_BOUNDS);
  }

  Answer answer(UnderstoodQuestion question) {
    if (question.reading().command() instanceof lookout.agent.grammar.Command.Restart
        || question.reading().command() instanceof lookout.agent.grammar.Command.Scale) {
      return Answer.text(
          "Actions are requested one cluster at a time: name the cluster, e.g. \"… on "
              + lanes.keySet().iterator().next()
              + "\".");
    }
    var answers =
        EachCluster.call(
            List.copyOf(lanes.keySet()), c -> lanes.get(c).top().answer(question), bound);
    List<String> summary = new ArrayList<>();
    List<Answer.Section> sections = new ArrayList<>();
    List<Action> suggestions = new ArrayList<>();
    List<lookout.agent.charts.Chart> charts = new ArrayList<>();
    List<Answer.Choice> choices = new ArrayList<>();
    boolean degraded = false;
    for (var outcome : answers.values()) {
      String cluster = outcome.cluster();
      if (!outcome.ok()) {
        summary.add(outcome.failure());
        sections.add(new Answer.Section(cluster, List.of(outcome.failure()), false));
        continue;
      }
      Answer a = Scoped.named(cluster, outcome.value(), lanes.keySet());
      summary.add(a.summary());
      sections.add(new Answer.Section(a.summary(), List.of(), false));
      for (Answer.Section s : a.sections()) {
        sections.add(new Answer.Section(cluster + " · " + s.heading(), s.lines(), s.code()));
      }
      suggestions.addAll(a.suggestions());
      charts.addAll(a.charts());
      choices.addAll(a.choices());
      degraded |= a.degraded();
    }
    return new Answer(
        lanes.size() + " clusters: " + String.join(" ", summary),
        sections,
        suggestions,
        Optional.empty(),
        degraded,
        charts,
        choices);
  }
}
