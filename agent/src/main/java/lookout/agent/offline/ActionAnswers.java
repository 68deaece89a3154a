package lookout.agent.offline;

import java.util.List;
import java.util.Locale;
import lookout.agent.Answer;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.Workload;
import lookout.approvals.RestartDeployment;
import lookout.approvals.ScaleWorkload;

/**
 * "restart checkout in staging", "scale frontend to 5 in prod": resolves the workload and returns
 * the typed action as {@code requested}, for the approval flow. Never executes anything.
 */
final class ActionAnswers {
  private final String cluster;
  private final ClusterReader reader;
  private final TargetResolver resolver;

  ActionAnswers(String cluster, ClusterReader reader, TargetResolver resolver) {
    this.cluster = cluster;
    this.reader = reader;
    this.resolver = resolver;
  }

  Answer restart(String namespace, String name) {
    if (name == null) {
      return Replies.text("Restart what? Name a deployment, e.g. \"restart checkout in staging\".");
    }
    return switch (resolver.resolve(namespace, name)) {
      case Resolution.Reply r -> r.answer();
      case Resolution.Resolved r -> {
        Workload w = r.workload();
        if (!"Deployment".equals(w.kind())) {
          yield Replies.text(
              "Restart is offered for deployments only; "
                  + w.namespace()
                  + "/"
                  + w.name()
                  + " is a "
                  + w.kind().toLowerCase(Locale.ROOT)
                  + ".");
        }
        yield Replies.requesting(
            "Restart of " + w.ref() + " needs approval.",
            current(w),
            new RestartDeployment(cluster, w.namespace(), w.name()));
      }
    };
  }

  Answer scale(String namespace, String name, int replicas) {
    if (name == null) {
      return Replies.text("Scale what? Name a workload, e.g. \"scale frontend to 5 in prod\".");
    }
    if (replicas < 0) {
      return Replies.text(
          "Cannot scale to " + replicas + " replicas: the count must be 0 or more.");
    }
    return switch (resolver.resolve(namespace, name)) {
      case Resolution.Reply r -> r.answer();
      case Resolution.Resolved r -> {
        Workload w = r.workload();
        if (!w.scalable()) {
          yield Replies.text(w.ref() + " runs one pod per node and cannot be scaled.");
        }
        if (w.desired() == replicas) {
          yield Replies.of(
              w.ref() + " already wants " + replicas + " replicas; nothing to do.", current(w));
        }
        yield Replies.requesting(
            "Scaling "
                + w.ref()
                + " from "
                + w.desired()
                + " to "
                + replicas
                + " replicas needs approval.",
            current(w),
            new ScaleWorkload(cluster, w.namespace(), w.kind(), w.name(), replicas));
      }
    };
  }

  /**
   * A restart or scale asked for in a way that cannot be acted on safely (no workload, several, a
   * relative or odd count): say so and show the form that works, never guess.
   */
  static Answer unclear(String verb, String text) {
    String example =
        verb.equals("scale")
            ? "\"scale checkout to 3 in staging\" or \"把 staging 的 checkout 扩到 3 个\""
            : "\"restart checkout in staging\" or \"重启一下 staging 的 checkout\"";
    String shown = text.length() > 80 ? text.substring(0, 79) + "…" : text;
    return Replies.text(
        "I read \""
            + shown
            + "\" as a request to "
            + verb
            + ", but not which one workload"
            + (verb.equals("scale") ? " and to exactly how many replicas" : "")
            + " without guessing; nothing was requested. Say it like "
            + example
            + ".");
  }

  private List<Answer.Section> current(Workload w) {
    return List.of(
        Replies.section("Now", List.of(reader.line(w))),
        Replies.section("Pods", reader.podLines(reader.pods(w))));
  }
}
