package lookout.agent.loki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import lookout.agent.analyzers.LogArchive;
import lookout.agent.redact.Redactor;

/**
 * Container logs from Loki for pods the API server has no log for. Streams are found by the labels
 * Kubernetes log collectors (Promtail, Grafana Alloy, the Loki Helm chart's defaults) attach:
 * {@code namespace}, {@code pod}, {@code container}. A gone workload's pods are matched by the
 * names their controllers give them ({@code checkout-7d9f8c6b5d-x2k4p}, {@code ledger-0}, {@code
 * report-28901440-abcde}). Reads the last {@link #LOOKBACK}; lines are redacted.
 */
public final class LokiLogs implements LogArchive {
  static final Duration LOOKBACK = Duration.ofHours(6);
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

  private final LokiClient client;
  private final Clock clock;

  public LokiLogs(LokiClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "Loki at " + client.where();
  }

  @Override
  public List<String> tail(
      String namespace, String pod, String container, boolean previous, int lines) {
    if (!NAME.matcher(namespace).matches() || !NAME.matcher(pod).matches()) {
      return List.of();
    }
    String selector =
        "{namespace=\""
            + namespace
            + "\", pod=\""
            + pod
            + "\""
            + (container == null || !NAME.matcher(container).matches()
                ? ""
                : ", container=\"" + container + "\"")
            + "}";
    return read(selector, lines).stream().map(l -> Redactor.redact(l.line())).toList();
  }

  @Override
  public Map<String, List<String>> gonePods(
      String kind, String namespace, String name, Set<String> podsWithLogs, int lines) {
    String pattern = podPattern(kind, name);
    if (pattern == null || !NAME.matcher(namespace).matches()) {
      return Map.of();
    }
    List<LogLine> read =
        read("{namespace=\"" + namespace + "\", pod=~`" + pattern + "`}", lines).stream()
            .filter(l -> !podsWithLogs.contains(l.pod()))
            .toList();
    Map<String, List<String>> byPod = new LinkedHashMap<>();
    for (LogLine l : read.reversed()) { // the pod that logged last first
      byPod.computeIfAbsent(l.pod(), p -> new ArrayList<>());
    }
    for (LogLine l : read) {
      byPod.get(l.pod()).add(Redactor.redact(l.line()));
    }
    return byPod;
  }

  /**
   * An RE2 pattern for the names a controller gives its pods, or null for a kind without pods or a
   * name that is not a Kubernetes name.
   */
  static String podPattern(String kind, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return null;
    }
    String n = name.replace(".", "\\.");
    return switch (kind) {
      case "Deployment" -> n + "-[a-z0-9]{6,10}-[a-z0-9]{5}";
      case "ReplicaSet", "DaemonSet" -> n + "-[a-z0-9]{5}";
      case "StatefulSet" -> n + "-[0-9]+";
      case "Job" -> n + "-([0-9]+-)?[a-z0-9]{5}";
      case "CronJob" -> n + "-[0-9]+-[a-z0-9]{5}";
      case "Pod" -> n;
      default -> null;
    };
  }

  private List<LogLine> read(String selector, int lines) {
    Instant now = clock.instant();
    return client.query(selector, now.minus(LOOKBACK), now, lines);
  }
}
