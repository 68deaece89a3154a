package lookout.agent.diagnosis;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import lookout.agent.analyzers.Finding;
import lookout.agent.analyzers.ObjectRef;

/**
 * The first line of an answer: "deployment shop/catalog cannot start: ConfigMap catalog-config does
 * not exist (CreateContainerConfigError on 2/2 pods)". A finding about the target's own pods or
 * controllers reads as said of the target; one about something else names that object.
 */
final class Headline {
  static final Set<String> CONTROLLERS =
      Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob");

  private Headline() {}

  static String broken(
      ObjectRef target,
      Finding cause,
      List<Finding> deeper,
      List<Finding> explained,
      Dependencies deps) {
    StringBuilder sb = new StringBuilder(said(target, cause, deps));
    sb.append(" (").append(cause.reason()).append(count(target, cause, deps)).append(')');
    if (!deeper.isEmpty()) {
      Finding d = deeper.getFirst();
      sb.append(" — ").append(d.about()).append(' ').append(d.summary());
    }
    // what the target itself shows because of it (which revision still serves, a stuck ordinal)
    explained.stream()
        .filter(s -> target.equals(s.about()) && s.severity() != Finding.Severity.INFO)
        .findFirst()
        .ifPresent(s -> sb.append("; ").append(s.summary()));
    return sb.toString();
  }

  static String symptom(ObjectRef target, Finding symptom, Dependencies deps) {
    return said(target, symptom, deps)
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

  /** "deployment shop/web keeps crashing: …" or "deployment shop/web: node n1 is NotReady". */
  private static String said(ObjectRef target, Finding f, Dependencies deps) {
    ObjectRef about = f.about();
    boolean own =
        about == null
            || about.equals(target)
            || deps.isPod(about)
            || CONTROLLERS.contains(about.kind()) && deps.contains(about)
            || about.kind().equals(target.kind()) && about.name().equals(target.name());
    String summary = f.summary();
    if (about != null && summary.startsWith(about + " ")) {
      summary =
          summary.substring(about.toString().length() + 1); // "node n1 is NotReady" said of n1
    }
    return target + (own ? " " : ": " + about + " ") + summary;
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
