package lookout.agent.chain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.agent.Progress;
import lookout.agent.Stage;
import lookout.agent.UnderstoodQuestion;
import lookout.agent.grammar.ClusterMention;
import lookout.agent.grammar.Command;
import lookout.agent.offline.OfflineAgent;
import lookout.agent.offline.OfflineAgent.Presence;

/**
 * Sends each question to the cluster it is about: the one it names ("on prod-eu", "prod-eu 上的"),
 * else its channel's cluster, else the one the thread was last answered in, else the default — and
 * when what it names is not there, every other cluster is asked (in parallel, within a time bound)
 * whether it holds it: one does → answered there, several → "which cluster?" with a button each.
 * "All clusters" asks every one ({@link Everywhere}). With more than one cluster configured, every
 * answer names its cluster.
 */
final class ClusterRouter {
  /**
   * The stages that answer about one cluster, and what says whether it holds a name (its offline
   * agent's {@link OfflineAgent#locate}).
   */
  record Lane(Stage top, Locator locator) {
    Lane {
      Objects.requireNonNull(top, "top");
      Objects.requireNonNull(locator, "locator");
    }
  }

  /** Whether a cluster holds what a question names; throws when the cluster cannot be read. */
  interface Locator {
    Presence locate(UnderstoodQuestion question);
  }

  /** A whole answer (a check-up, a diagnosis) may take longer than saying whether a name exists. */
  static final int ANSWER_BOUNDS = 5;

  private final Map<String, Lane> lanes;
  private final String defaultCluster;
  private final Map<String, String> channels;
  private final Duration bound;
  private final ThreadClusters threads = new ThreadClusters();

  /**
   * @param lanes every configured cluster's stages, in configuration order
   * @param channels platform-qualified channel ({@code slack:C0123}) → the cluster it talks about
   * @param bound how long a cluster may take to say whether it holds a name
   */
  ClusterRouter(
      Map<String, Lane> lanes,
      String defaultCluster,
      Map<String, String> channels,
      Duration bound) {
    this.lanes = new LinkedHashMap<>(lanes);
    this.defaultCluster = Objects.requireNonNull(defaultCluster, "defaultCluster");
    this.channels = Map.copyOf(channels);
    this.bound = Objects.requireNonNull(bound, "bound");
    if (!lanes.containsKey(defaultCluster)) {
      throw new IllegalArgumentException(
          "default cluster '"
              + defaultCluster
              + "' is not among the configured clusters "
              + lanes.keySet());
    }
    channels.forEach(
        (channel, cluster) -> {
          if (!lanes.containsKey(cluster)) {
            throw new IllegalArgumentException(
                "channel " + channel + " names cluster '" + cluster + "', which is not configured");
          }
        });
  }

  java.util.Set<String> clusters() {
    return lanes.keySet();
  }

  Answer answer(UnderstoodQuestion question, ClusterMention mention) {
    return answer(question, mention, Progress.NONE);
  }

  /** As above, with the chosen cluster's interim answers (named like its final one) to progress. */
  Answer answer(UnderstoodQuestion question, ClusterMention mention, Progress progress) {
    if (lanes.size() == 1) {
      return lanes.get(defaultCluster).top().answer(question, progress);
    }
    if (aboutNoCluster(question.reading().command())) {
      // the audit trail, runbooks and help are the same whichever cluster answers
      return lanes.get(defaultCluster).top().answer(question, progress);
    }
    if (mention.all()) {
      return new Everywhere(lanes, bound).answer(question);
    }
    String chosen =
        mention.cluster() != null
            ? mention.cluster()
            : channels.get(String.valueOf(question.question().channel()));
    if (chosen != null) {
      return in(chosen, question, null, progress);
    }
    String preferred = threads.last(question.question().thread()).orElse(defaultCluster);
    if (question.reading().checkup().isPresent()) {
      // "inspect prod-eu" names its cluster its own way; the check-up stage reads it
      return in(preferred, question, null, progress);
    }
    return search(question, preferred, progress);
  }

  private static boolean aboutNoCluster(Command command) {
    return command instanceof Command.Audit
        || command instanceof Command.Runbooks
        || command instanceof Command.Incidents
        || command instanceof Command.Help;
  }

  /** Asks every cluster whether it holds what the question names, then answers where it is. */
  private Answer search(UnderstoodQuestion question, String preferred, Progress progress) {
    List<String> order = new ArrayList<>(lanes.keySet());
    order.remove(preferred);
    order.addFirst(preferred);
    Map<String, EachCluster.Outcome<Presence>> where =
        EachCluster.call(order, c -> lanes.get(c).locator().locate(question), bound);
    List<String> failures =
        where.values().stream().filter(o -> !o.ok()).map(EachCluster.Outcome::failure).toList();
    Presence mine = where.get(preferred).ok() ? where.get(preferred).value() : null;
    List<String> found = holding(where, Presence.HERE);
    if (mine == Presence.UNNAMED) {
      return in(preferred, question, null, progress);
    }
    if (mine == Presence.HERE) {
      // the asker's cluster holds it; the same name elsewhere is one press away
      List<String> also = found.stream().filter(c -> !c.equals(preferred)).toList();
      Answer answer = in(preferred, question, null, progress);
      return also.isEmpty()
          ? answer
          : answer.withChoices(
              also.stream()
                  .map(
                      c ->
                          new Answer.Choice(
                              "on " + c, Scoped.question(question.question().text(), c)))
                  .toList());
    }
    if (found.isEmpty() && mine != Presence.PARTLY) {
      found = holding(where, Presence.PARTLY);
    }
    if (found.size() == 1 && !found.contains(preferred)) {
      String cluster = found.getFirst();
      String note =
          mine == null
              ? null
              : "Not in cluster " + preferred + "; found in cluster " + cluster + ".";
      return notes(in(cluster, question, note, progress), failures);
    }
    if (found.size() > 1) {
      return notes(whichCluster(question, found), failures);
    }
    if (mine == null) {
      // the preferred cluster did not answer and no other holds the name
      return Answer.text(
          String.join(" ", failures)
              + (where.size() > failures.size()
                  ? " No other cluster has what the question names."
                  : ""));
    }
    return notes(in(preferred, question, null, progress), failures);
  }

  private static List<String> holding(
      Map<String, EachCluster.Outcome<Presence>> where, Presence presence) {
    return where.values().stream()
        .filter(o -> o.ok() && o.value() == presence)
        .map(EachCluster.Outcome::cluster)
        .toList();
  }

  private Answer whichCluster(UnderstoodQuestion question, List<String> found) {
    String text = question.question().text();
    return new Answer(
            "That is in several clusters: " + String.join(", ", found) + " — which cluster?",
            List.of(),
            List.of(),
            Optional.empty(),
            false)
        .withChoices(
            found.stream().map(c -> new Answer.Choice(c, Scoped.question(text, c))).toList());
  }

  /** The cluster's answer, naming the cluster, with its choices kept in that cluster. */
  private Answer in(String cluster, UnderstoodQuestion question, String note, Progress progress) {
    threads.remember(question.question().thread(), cluster);
    Progress named =
        progress == Progress.NONE
            ? progress
            : a -> progress.interim(Scoped.named(cluster, a, lanes.keySet()));
    // a cluster that hangs must not hold the asker forever: its answer is bounded too
    var outcome =
        EachCluster.call(
                List.of(cluster),
                c -> lanes.get(c).top().answer(question, named),
                bound.multipliedBy(ANSWER_BOUNDS))
            .get(cluster);
    Answer answer = outcome.ok() ? outcome.value() : Answer.text(outcome.failure());
    return Scoped.named(
        cluster,
        note == null ? answer : answer.withSummary(note + " " + answer.summary()),
        lanes.keySet());
  }

  private static Answer notes(Answer answer, List<String> failures) {
    return failures.isEmpty()
        ? answer
        : answer.withSummary(answer.summary() + " (" + String.join(" ", failures) + ")");
  }
}
