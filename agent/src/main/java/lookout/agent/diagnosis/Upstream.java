package lookout.agent.diagnosis;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.Labels;
import lookout.agent.analyzers.ObjectRef;

/**
 * The Service a workload's own log says it cannot reach: "connect() failed (111: Connection
 * refused) while connecting to upstream … upstream: http://10.12.14.77:80/", "dial tcp
 * 10.96.3.4:5432: connect: connection refused", "getaddrinfo ENOTFOUND redis.cache". A proxy that
 * answers 502 is healthy by its own status; the fault is the Service behind it, named in its log by
 * ClusterIP or DNS name.
 *
 * @param service the Service the line names, or null when it names none of the namespace's
 * @param line the newest log line of a failing call
 */
record Upstream(ObjectRef service, String line) {
  static final int PODS = 3;
  static final int LINES = 200;

  /** A line that says a connection to somewhere failed. */
  private static final Pattern FAILED_CALL =
      Pattern.compile(
          "(?i)connection refused|connect\\(\\) failed|no route to host|i/o timeout|timed out"
              + "|econnrefused|etimedout|ehostunreach|enotfound|no such host|connection reset"
              + "|upstream|\\b50[234]\\b|unavailable|could not connect|unable to connect"
              + "|failed to connect|name or service not known|temporary failure in name");

  private static final Pattern IPV4 =
      Pattern.compile("(?<![\\d.])(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");
  private static final Pattern HOST =
      Pattern.compile("(?<![\\w.-])([a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9-]+)*)");

  /**
   * The first Service of {@code services} (the namespace's) that a failing call in the current log
   * of one of the target's pods names, other than the Services in front of the target itself.
   */
  static Optional<Upstream> in(
      ClusterFacts facts, java.util.function.Supplier<List<Service>> namespaceServices) {
    if (facts.pods().isEmpty()) {
      return Optional.empty();
    }
    List<String> calls = failedCalls(facts);
    if (calls.isEmpty()) {
      return Optional.empty(); // no failing call in the logs: the Services are not even read
    }
    Map<String, Service> byAddress = new HashMap<>();
    for (Service s : namespaceServices.get()) {
      if (selectsAny(s, facts.pods())) {
        continue; // the target's own Service: its neighbours' analysis covers it
      }
      String name = s.getMetadata().getName();
      String ns = s.getMetadata().getNamespace();
      for (String address :
          List.of(
              name,
              name + "." + ns,
              name + "." + ns + ".svc",
              name + "." + ns + ".svc.cluster.local")) {
        byAddress.put(address, s);
      }
      if (s.getSpec() != null && s.getSpec().getClusterIP() != null) {
        byAddress.put(s.getSpec().getClusterIP(), s);
      }
    }
    for (String line : calls) {
      Optional<Service> named = named(line, byAddress);
      if (named.isPresent()) {
        Service s = named.get();
        return Optional.of(
            new Upstream(
                new ObjectRef("Service", s.getMetadata().getNamespace(), s.getMetadata().getName()),
                clip(line.strip())));
      }
    }
    // calls fail, to an address no Service of the namespace has (a proxy's own route name, a
    // pod IP, an address from another namespace): the caller knows something fails, not what —
    // said only when it fails now and again, not for one old timeout in a healthy app's log
    return calls.size() >= REPEATED && recent(facts)
        ? Optional.of(new Upstream(null, clip(calls.getFirst().strip())))
        : Optional.empty();
  }

  /** Failing calls that name no Service count only when there are this many of them. */
  static final int REPEATED = 3;

  /** ...and one of them is among the last lines of its log. */
  static final int RECENT = 10;

  private static boolean recent(ClusterFacts facts) {
    return tails(facts, RECENT).stream()
        .flatMap(List::stream)
        .anyMatch(l -> l != null && FAILED_CALL.matcher(l).find());
  }

  /** True when the failing call's log line named the Service. */
  boolean named() {
    return service != null;
  }

  /** The lines of the pods' current logs that say a call failed, newest first. */
  private static List<String> failedCalls(ClusterFacts facts) {
    List<String> out = new ArrayList<>();
    for (List<String> log : tails(facts, LINES)) {
      for (int i = log.size() - 1; i >= 0; i--) {
        String line = log.get(i);
        if (line != null && FAILED_CALL.matcher(line).find()) {
          out.add(line);
        }
      }
    }
    return out;
  }

  /** The last {@code lines} lines of each container's current log, of the first few pods. */
  private static List<List<String>> tails(ClusterFacts facts, int lines) {
    List<List<String>> out = new ArrayList<>();
    for (Pod pod : facts.pods().stream().limit(PODS).toList()) {
      for (Container c : containers(pod)) {
        out.add(
            facts
                .logs()
                .tail(
                    pod.getMetadata().getNamespace(),
                    pod.getMetadata().getName(),
                    c.getName(),
                    false,
                    lines));
      }
    }
    return out;
  }

  private static Optional<Service> named(String line, Map<String, Service> byAddress) {
    Matcher ip = IPV4.matcher(line);
    while (ip.find()) {
      Service s = byAddress.get(ip.group(1));
      if (s != null) {
        return Optional.of(s);
      }
    }
    Matcher host = HOST.matcher(line.toLowerCase(java.util.Locale.ROOT));
    while (host.find()) {
      String h = host.group(1);
      // a bare word must look like a Service name (it has a dash) to count: "upstream", "http"
      // and "error" are words of every log line
      if ((h.contains(".") || h.contains("-")) && byAddress.containsKey(h)) {
        return Optional.of(byAddress.get(h));
      }
    }
    return Optional.empty();
  }

  private static String clip(String line) {
    return line.length() <= 240 ? line : line.substring(0, 239) + "…";
  }

  private static boolean selectsAny(Service s, List<Pod> pods) {
    Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
    return selector != null
        && !selector.isEmpty()
        && pods.stream()
            .anyMatch(
                p ->
                    p.getMetadata() != null
                        && Labels.matches(selector, p.getMetadata().getLabels()));
  }

  private static List<Container> containers(Pod pod) {
    List<Container> out = new ArrayList<>();
    if (pod.getSpec() != null && pod.getSpec().getContainers() != null) {
      out.addAll(pod.getSpec().getContainers());
    }
    return out;
  }
}
