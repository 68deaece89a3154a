package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.ArrayList;
import java.util.List;

/** A container's probes as one line each: what is checked and how patiently. */
final class ProbeLines {
  private ProbeLines() {}

  /**
   * "probe readiness app: httpGet :8080/healthz period=10s timeout=1s failureThreshold=3 delay=0s".
   */
  static List<String> of(Container c) {
    List<String> lines = new ArrayList<>();
    add(lines, "startup", c.getName(), c.getStartupProbe());
    add(lines, "readiness", c.getName(), c.getReadinessProbe());
    add(lines, "liveness", c.getName(), c.getLivenessProbe());
    return lines;
  }

  private static void add(List<String> lines, String kind, String container, Probe p) {
    if (p == null) {
      return;
    }
    // Defaults are the API server's, so the line shows what the kubelet actually does.
    lines.add(
        Evidence.clip(
            "probe "
                + kind
                + " "
                + container
                + ": "
                + target(p)
                + " period="
                + or(p.getPeriodSeconds(), 10)
                + "s timeout="
                + or(p.getTimeoutSeconds(), 1)
                + "s failureThreshold="
                + or(p.getFailureThreshold(), 3)
                + " delay="
                + or(p.getInitialDelaySeconds(), 0)
                + "s"));
  }

  private static String target(Probe p) {
    if (p.getHttpGet() != null) {
      String scheme = "HTTPS".equals(p.getHttpGet().getScheme()) ? "https " : "";
      return "httpGet "
          + scheme
          + ":"
          + port(p.getHttpGet().getPort())
          + Evidence.orDash(p.getHttpGet().getPath());
    }
    if (p.getTcpSocket() != null) {
      return "tcpSocket :" + port(p.getTcpSocket().getPort());
    }
    if (p.getGrpc() != null) {
      return "grpc :" + p.getGrpc().getPort();
    }
    if (p.getExec() != null && p.getExec().getCommand() != null) {
      return "exec " + String.join(" ", p.getExec().getCommand());
    }
    return "no handler";
  }

  private static String port(IntOrString port) {
    if (port == null) {
      return "?";
    }
    return port.getIntVal() != null
        ? port.getIntVal().toString()
        : Evidence.orDash(port.getStrVal());
  }

  private static int or(Integer value, int dflt) {
    return value == null ? dflt : value;
  }
}
