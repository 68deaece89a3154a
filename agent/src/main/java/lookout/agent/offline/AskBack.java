package lookout.agent.offline;

import java.util.List;
import java.util.Locale;
import lookout.agent.Answer;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.grammar.Look;

/**
 * "Which one?": several objects match a question equally well. Each becomes a choice whose question
 * names it exactly ("diagnose deployment shop/reviews"), so pressing it answers the original
 * question about that object.
 */
final class AskBack {
  private AskBack() {}

  static Answer of(List<ObjectRef> refs, Look look) {
    List<String> names = refs.stream().map(ObjectRef::name).distinct().toList();
    List<String> namespaces =
        refs.stream().map(r -> String.valueOf(r.namespace())).distinct().toList();
    String summary =
        names.size() == 1 && namespaces.size() == refs.size()
            ? names.get(0) + " exists in " + Replies.join(namespaces) + " — which namespace?"
            : "Which one? "
                + Replies.join(refs.stream().map(ObjectRef::toString).toList())
                + " all match.";
    List<Answer.Choice> choices =
        refs.stream().map(r -> new Answer.Choice(r.toString(), question(look, r))).toList();
    return Replies.of(
            summary,
            List.of(Replies.section("Candidates", refs.stream().map(ObjectRef::toString).toList())))
        .withChoices(choices);
  }

  /** The question that asks {@code look} about exactly {@code ref}, in the grammar's own words. */
  static String question(Look look, ObjectRef ref) {
    String target =
        ref.kind().toLowerCase(Locale.ROOT)
            + " "
            + (ref.namespace() == null ? "" : ref.namespace() + "/")
            + ref.name();
    return switch (look) {
      case STATUS -> "status of " + target;
      case LOGS -> "logs of " + target;
      case DIAGNOSE, NONE -> "diagnose " + target;
    };
  }
}
