package lookout.agent.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lookout.agent.Answer;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.grammar.Look;
import lookout.agent.resolve.Inventory;

/**
 * The answer to a question that names nothing ("what's broken?", "集群有什么问题吗"): what needs attention
 * right now, read from the objects' own status, with the questions worth asking next as choices.
 * Short by design: the follow-up diagnoses give the detail.
 */
final class Overview {
  /** Kinds listed; pods are left to the workloads that own them. */
  private static final Set<String> LISTED =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "PersistentVolumeClaim", "Node");

  private static final int SHOWN = 10;
  private static final int ASKED = 3;

  private Overview() {}

  /** What needs attention in the whole cluster, with the root cause of the first few. */
  static Answer of(String cluster, Inventory inventory, Diagnoser diagnoser) {
    List<Inventory.Entry> troubled =
        inventory.entries().stream()
            .filter(e -> e.trouble() != null && LISTED.contains(e.ref().kind()))
            .toList();
    if (troubled.isEmpty()) {
      long workloads =
          inventory.entries().stream()
              .filter(
                  e -> Set.of("Deployment", "StatefulSet", "DaemonSet").contains(e.ref().kind()))
              .count();
      long nodes = inventory.entries().stream().filter(e -> e.ref().kind().equals("Node")).count();
      return Replies.of(
          "Nothing needs attention in cluster "
              + cluster
              + ": "
              + workloads
              + " workloads ready, "
              + nodes
              + " nodes Ready.",
          List.of());
    }
    String things = troubled.size() == 1 ? "1 thing needs" : troubled.size() + " things need";
    List<String> lines = new ArrayList<>();
    for (Inventory.Entry e : troubled.stream().limit(SHOWN).toList()) {
      lines.add(e.ref() + " — " + e.trouble());
    }
    if (troubled.size() > SHOWN) {
      lines.add("… and " + (troubled.size() - SHOWN) + " more; ask about one namespace to narrow");
    }
    List<Answer.Choice> choices =
        troubled.stream()
            .limit(ASKED)
            .map(
                e -> new Answer.Choice("Why: " + e.ref(), AskBack.question(Look.DIAGNOSE, e.ref())))
            .toList();
    Map<ObjectRef, String> causes =
        OverviewCauses.of(
            troubled.stream().limit(ASKED).map(Inventory.Entry::ref).toList(),
            diagnoser,
            OverviewCauses.BUDGET);
    String first = troubled.get(0).ref() + " (" + troubled.get(0).trouble() + ")";
    String firstCause = causes.get(troubled.get(0).ref());
    List<Answer.Section> sections = new ArrayList<>();
    sections.add(Replies.section("Needs attention", lines));
    if (!causes.isEmpty()) {
      sections.add(Replies.section("Why", List.copyOf(causes.values())));
    }
    sections.add(
        Replies.section("Ask next", choices.stream().map(Answer.Choice::question).toList()));
    return Replies.of(
            things
                + " attention in cluster "
                + cluster
                + ", first "
                + (firstCause == null ? first + "." : firstCause),
            sections)
        .withChoices(choices);
  }

  /** For a request nothing in it could be read from: what is wrong now, and how to ask. */
  static Answer notUnderstood(
      String cluster, Inventory inventory, Diagnoser diagnoser, String text) {
    String shown = text == null ? "" : text.strip();
    if (shown.length() > 80) {
      shown = shown.substring(0, 79) + "…";
    }
    Answer now = of(cluster, inventory, diagnoser);
    List<Answer.Section> sections = new ArrayList<>(now.sections());
    sections.add(
        Replies.section(
            "How to ask",
            List.of(
                "Name a workload, pod, service, job, node or namespace: \"why is checkout failing in staging?\", \"shop 下的 reviews 访问不了\".",
                "Or ask \"what's broken?\"; \"help\" lists everything Lookout understands.")));
    return Replies.of("I did not understand \"" + shown + "\". " + now.summary(), sections)
        .withChoices(now.choices());
  }
}
