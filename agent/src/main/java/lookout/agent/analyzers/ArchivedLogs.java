package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The error lines of a workload's pods that are gone from the cluster, read from a {@link
 * LogArchive}. Shared by the offline diagnosis and the investigate bundle, so both pick the same
 * lines.
 */
public final class ArchivedLogs {
  static final int PODS = 2;
  static final int READ = 300;

  /**
   * One gone pod's log.
   *
   * @param from where the lines come from, e.g. {@code Loki at http://loki:3100}
   * @param errors its {@link ErrorLines}
   * @param best the line that best names the failure, if any
   */
  public record GonePod(String pod, String from, List<String> errors, Optional<String> best) {
    /** {@code pod X (no longer in the cluster; its log from Loki at …):} */
    public String heading() {
      return "pod " + pod + " (no longer in the cluster; its log from " + from + ")";
    }
  }

  private ArchivedLogs() {}

  /**
   * The pods whose logs the API server still serves: all but the evicted, whose containers the
   * kubelet removed (their pod object stays, their log does not).
   */
  public static Set<String> withLogs(List<Pod> pods) {
    return pods.stream()
        .filter(p -> p.getStatus() == null || !"Evicted".equals(p.getStatus().getReason()))
        .map(Pods::name)
        .collect(Collectors.toSet());
  }

  /**
   * The gone pods (at most {@value #PODS}, the one that logged last first) that logged error or
   * final lines; none without an archive or for a kind without pods.
   *
   * @throws RuntimeException when the archive cannot be read; the message says why
   */
  public static List<GonePod> gone(
      LogArchive archive, String kind, String namespace, String name, Set<String> podsWithLogs) {
    if (archive == null || namespace == null) {
      return List.of();
    }
    Map<String, List<String>> pods = archive.gonePods(kind, namespace, name, podsWithLogs, READ);
    List<GonePod> out = new ArrayList<>();
    for (var p : pods.entrySet()) {
      List<String> errors = ErrorLines.extract(p.getValue(), LogExcerpt.CAP);
      if (!errors.isEmpty() && out.size() < PODS) {
        out.add(new GonePod(p.getKey(), archive.name(), errors, CrashLog.best(p.getValue())));
      }
    }
    return out;
  }
}
