package lookout.agent.diagnosis;

import java.util.List;
import java.util.Optional;
import lookout.agent.analyzers.Finding;
import lookout.agent.analyzers.ObjectRef;

/**
 * The first line of an answer: "deployment shop/catalog cannot start: ConfigMap catalog-config does
 * not exist (CreateContainerConfigError on 2/2 pods)".
 */
final class Headline {
  private Headline() {}

  static String broken(ObjectRef target, Finding cause, List<Finding> deeper, Dependencies deps) {
    StringBuilder sb = new StringBuilder();
    boolean own =
        cause.about() == null
            || cause.about().equals(target)
            || deps.isPod(cause.about())
            || cause.about().kind().equals(target.kind())
                && cause.about().name().equals(target.name());
    sb.append(target).append(own ? " " : ": " + cause.about() + " ").append(cause.summary());
    String count = count(target, cause, deps);
    sb.append(" (").append(cause.reason()).append(count).append(')');
    if (!deeper.isEmpty()) {
      Finding d = deeper.getFirst();
      sb.append(" — ").append(d.about()).append(' ').append(d.summary());
    }
    return sb.toString();
  }

  static String symptom(ObjectRef target, Finding symptom, Dependencies deps) {
    boolean own =
        symptom.about() == null || symptom.about().equals(target) || deps.isPod(symptom.about());
    return target
        + (own ? " " : ": " + symptom.about() + " ")
        + symptom.summary()
        + " ("
        + symptom.reason()
        + count(target, symptom, deps)
        + ")";
  }

  static String healthy(ObjectRef target, Optional<TargetState> state) {
    return target
        + " looks healthy: "
        + state.map(s -> s.text() + ", ").orElse("")
        + "no analyzer found a problem.";
  }

  static String recovered(ObjectRef target, Finding note, Optional<TargetState> state) {
    return target
        + " has recovered"
        + state.map(s -> " (" + s.text() + " now)").orElse("")
        + ": "
        + note.summary();
  }

  /** " on 2/3 pods" when the target has several pods and the finding names the ones it explains. */
  private static String count(ObjectRef target, Finding f, Dependencies deps) {
    int total = deps.podCount();
    int n = Ranking.coverage(f, deps);
    if (target.kind().equals("Pod") || total == 0 || n == 0) {
      return "";
    }
    return " on " + n + "/" + total + " pod" + (total == 1 ? "" : "s");
  }
}
