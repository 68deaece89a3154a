package lookout.agent.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lookout.agent.Answer;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.grammar.Look;
import lookout.agent.resolve.Target;

/**
 * Nothing by the name a question used: where Lookout looked (which kinds, which namespaces), what
 * it could not read, and the nearest names, each offered as a choice.
 */
final class NotFound {
  private static final int SHOWN_NAMESPACES = 12;

  private NotFound() {}

  static Answer of(String cluster, Target.Missing m, Look look) {
    String where =
        m.namespace() == null
            ? "in any namespace of cluster " + cluster
            : "in namespace " + m.namespace() + " of cluster " + cluster;
    String summary = "Not found: nothing named " + m.wanted() + " " + where + ".";
    if (!m.nearest().isEmpty()) {
      summary +=
          " Did you mean "
              + Replies.join(m.nearest().stream().map(ObjectRef::toString).toList())
              + "?";
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "Kinds: "
            + String.join(", ", m.searched().kinds().stream().map(NotFound::plural).toList())
            + " (pods by exact name).");
    List<String> ns = m.searched().namespaces();
    lines.add(
        "Namespaces: "
            + String.join(", ", ns.stream().limit(SHOWN_NAMESPACES).toList())
            + (ns.size() > SHOWN_NAMESPACES
                ? " and " + (ns.size() - SHOWN_NAMESPACES) + " more"
                : "")
            + ".");
    m.unreadable()
        .forEach((kind, why) -> lines.add("Not searched: " + plural(kind) + " — " + why + "."));
    List<Answer.Choice> choices =
        m.nearest().stream()
            .map(r -> new Answer.Choice(r.toString(), AskBack.question(look, r)))
            .toList();
    return Replies.of(summary, List.of(Replies.section("Searched", lines))).withChoices(choices);
  }

  static Answer noNamespace(String cluster, Target.NoNamespace n) {
    return Replies.text(
        "There is no namespace "
            + n.namespace()
            + " in cluster "
            + cluster
            + ". Namespaces: "
            + String.join(", ", n.namespaces())
            + ".");
  }

  private static String plural(String kind) {
    String k = kind.toLowerCase(Locale.ROOT);
    return k.endsWith("s") ? k + "es" : k + "s";
  }
}
