package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Probe settings with the API server's defaults, the kubelet's probe events, and what a probe's
 * failure message means ({@code connection refused}: nothing listens yet; {@code statuscode: 404}:
 * a wrong path; {@code 503}: the app says it is unhealthy; {@code context deadline exceeded}: too
 * slow for the timeout).
 */
final class Probes {
  private static final Pattern STATUS = Pattern.compile("statuscode: (\\d{3})");
  private static final Pattern STARTED_IN =
      Pattern.compile(
          "(?:started|start(?:ed)?\\s+up|ready|startup (?:took|completed))[^\\n]*?\\bin\\s+(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|seconds)\\b",
          Pattern.CASE_INSENSITIVE);

  private Probes() {}

  static int period(Probe p) {
    return or(p.getPeriodSeconds(), 10);
  }

  static int timeout(Probe p) {
    return or(p.getTimeoutSeconds(), 1);
  }

  static int threshold(Probe p) {
    return or(p.getFailureThreshold(), 3);
  }

  static int delay(Probe p) {
    return or(p.getInitialDelaySeconds(), 0);
  }

  /**
   * Seconds after start at which a probe failing from the start first acts: delay + period ×
   * threshold.
   */
  static int actsAfter(Probe p) {
    return delay(p) + period(p) * threshold(p);
  }

  /**
   * Unhealthy events of one kind ({@code Liveness}, {@code Readiness}, {@code Startup}) for a
   * container.
   */
  static List<EventLines.Folded> failures(
      ClusterFacts facts, Pod pod, String container, String kind) {
    return EventLines.about(
            facts.events(),
            "Pod",
            Pods.namespace(pod),
            Pods.name(pod),
            Set.of("Unhealthy"),
            container)
        .stream()
        .filter(e -> e.message() != null && e.message().startsWith(kind + " probe"))
        .toList();
  }

  /** True when the kubelet restarted this container because its liveness probe failed. */
  static boolean killedByLiveness(ClusterFacts facts, Pod pod, ContainerStatus status) {
    if (Pods.restarts(status) == 0) {
      return false;
    }
    String container = status.getName();
    boolean killing =
        EventLines.about(
                facts.events(),
                "Pod",
                Pods.namespace(pod),
                Pods.name(pod),
                Set.of("Killing"),
                container)
            .stream()
            .anyMatch(e -> e.message() != null && e.message().contains("failed liveness probe"));
    return killing || !failures(facts, pod, container, "Liveness").isEmpty();
  }

  /** What a probe failure message says, in a few words, or empty when it says nothing general. */
  static Optional<String> meaning(String message, Container c, Probe p) {
    if (message == null) {
      return Optional.empty();
    }
    String m = message.toLowerCase(Locale.ROOT);
    String port = p == null ? null : port(p);
    if (m.contains("connection refused")) {
      String exposed = exposedPorts(c);
      boolean mismatch =
          port != null && !exposed.isEmpty() && !List.of(exposed.split(",")).contains(port);
      return Optional.of(
          "nothing listens on port "
              + (port == null ? "?" : port)
              + " (connection refused)"
              + (mismatch ? "; the container declares port(s) " + exposed : ""));
    }
    Matcher status = STATUS.matcher(message);
    if (status.find()) {
      int code = Integer.parseInt(status.group(1));
      String path =
          p == null || p.getHttpGet() == null
              ? ""
              : " " + Evidence.orDash(p.getHttpGet().getPath());
      if (code == 404) {
        return Optional.of("the probe's path" + path + " does not exist (HTTP 404)");
      }
      if (code >= 500) {
        return Optional.of(
            "the app answers HTTP " + code + " on" + path + ": it reports itself unhealthy");
      }
      return Optional.of("the app answers HTTP " + code + " on" + path);
    }
    if (m.contains("context deadline exceeded")
        || m.contains("timeout")
        || m.contains("timed out")) {
      return Optional.of(
          "the app does not answer within the probe's timeout of "
              + (p == null ? "?" : timeout(p))
              + "s");
    }
    if (m.contains("no route to host") || m.contains("connection reset")) {
      return Optional.of("the probe cannot reach the container (" + message.strip() + ")");
    }
    return Optional.empty();
  }

  /** Startup time an app logged ("Started Application in 95.3 seconds"), in seconds. */
  static Optional<Integer> loggedStartSeconds(List<String> log) {
    for (int i = log.size() - 1; i >= 0; i--) {
      Matcher m = STARTED_IN.matcher(log.get(i));
      if (m.find()) {
        double v = Double.parseDouble(m.group(1));
        return Optional.of((int) Math.ceil(m.group(2).equals("ms") ? v / 1000 : v));
      }
    }
    return Optional.empty();
  }

  static String port(Probe p) {
    IntOrString port =
        p.getHttpGet() != null
            ? p.getHttpGet().getPort()
            : p.getTcpSocket() != null ? p.getTcpSocket().getPort() : null;
    if (port == null) {
      return p.getGrpc() != null && p.getGrpc().getPort() != null
          ? p.getGrpc().getPort().toString()
          : null;
    }
    return port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
  }

  /** "8080,9090" (and names), or "" when the container declares no ports. */
  private static String exposedPorts(Container c) {
    if (c == null || c.getPorts() == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (ContainerPort port : c.getPorts()) {
      if (port.getContainerPort() != null) {
        sb.append(sb.isEmpty() ? "" : ",").append(port.getContainerPort());
      }
      if (port.getName() != null) {
        sb.append(",").append(port.getName());
      }
    }
    return sb.toString();
  }

  private static int or(Integer value, int dflt) {
    return value == null ? dflt : value;
  }
}
