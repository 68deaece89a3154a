package lookout.agent.offline;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import lookout.agent.Answer;
import lookout.agent.cluster.ClusterLogs;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.LogTail;
import lookout.agent.cluster.PodText;

/**
 * "logs of checkout in staging": the tail of the worst pod's log as a code section; the previous
 * (crashed) instance when the current one has nothing to say. A pod name works too.
 */
final class LogsAnswers {
  static final int LINES = 30;

  private final ClusterReader reader;
  private final TargetResolver resolver;
  private final PodFinder pods;

  LogsAnswers(ClusterReader reader, TargetResolver resolver, PodFinder pods) {
    this.reader = reader;
    this.resolver = resolver;
    this.pods = pods;
  }

  Answer logs(String namespace, String name) {
    if (name == null) {
      return Replies.text(
          "Whose logs? Name a workload or pod, e.g. \"logs of checkout in staging\".");
    }
    Pod direct = pods.find(namespace, name);
    if (direct != null) {
      return tail(direct);
    }
    return switch (resolver.resolve(namespace, name)) {
      case Resolution.Reply r -> r.answer();
      case Resolution.Resolved r -> {
        List<Pod> all = reader.pods(r.workload());
        yield all.isEmpty()
            ? Replies.text(r.workload().ref() + " has no pods, so there are no logs to show.")
            : tail(all.get(0));
      }
    };
  }

  private Answer tail(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    ClusterLogs logs = reader.logs();
    LogTail tail = logs.read(ns, name, null, false, LINES);
    boolean previous = false;
    if (tail.lines().isEmpty()) {
      LogTail before =
          logs.read(ns, name, tail.container().isEmpty() ? null : tail.container(), true, LINES);
      if (!before.lines().isEmpty()) {
        tail = before;
        previous = true;
      }
    }
    String ref = ns + "/" + name;
    if (tail.lines().isEmpty()) {
      String why = tail.unavailable() == null ? "the log is empty" : tail.unavailable();
      return Replies.of(
          "No logs for pod " + ref + ": " + why + ".",
          List.of(Replies.section("Pod", reader.podLines(List.of(pod)))));
    }
    String state = PodText.problem(pod, reader.now()) ? ", pod is " + PodText.status(pod) : "";
    String summary =
        "Last "
            + tail.lines().size()
            + " log lines of pod "
            + ref
            + " (container "
            + tail.container()
            + (previous ? ", previous instance that crashed" : "")
            + state
            + ")"
            + (tail.cut() ? ", cut to the newest 64 KiB." : ".");
    return Replies.of(summary, List.of(Replies.code(name + "/" + tail.container(), tail.lines())));
  }
}
