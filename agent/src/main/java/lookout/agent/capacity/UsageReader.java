package lookout.agent.capacity;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.Workload;
import lookout.agent.metrics.MetricsSource;
import lookout.agent.metrics.Series;

/**
 * Joins what workloads ask for (requests and limits from the API server) with what they use (a week
 * of hourly CPU and memory samples from Prometheus, one range query per resource).
 */
public final class UsageReader {
  public static final Duration WINDOW = Duration.ofDays(7);
  public static final Duration STEP = Duration.ofHours(1);

  private final ClusterReader reader;
  private final MetricsSource metrics;
  private final Clock clock;

  public UsageReader(ClusterReader reader, MetricsSource metrics, Clock clock) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = clock;
  }

  /** Usage of every workload with running pods in {@code namespace} (null: every namespace). */
  public List<Usage> usage(String namespace) {
    String sel = Queries.containers(namespace);
    Instant end = clock.instant();
    Instant start = end.minus(WINDOW);
    Map<String, List<Series.Point>> cpu =
        byPod(
            metrics.range(
                Queries.byPod("rate(container_cpu_usage_seconds_total" + sel + "[5m])"),
                start,
                end,
                STEP));
    Map<String, List<Series.Point>> memory =
        byPod(
            metrics.range(
                Queries.byPod("container_memory_working_set_bytes" + sel), start, end, STEP));
    List<Usage> out = new ArrayList<>();
    for (Workload w : reader.workloads(namespace)) {
      List<Pod> pods = reader.pods(w);
      if (pods.isEmpty()) {
        continue;
      }
      Set<String> names = new HashSet<>();
      pods.forEach(p -> names.add(w.namespace() + "/" + p.getMetadata().getName()));
      Pod first = pods.getFirst();
      Map<String, String> labels =
          first.getMetadata().getLabels() == null ? Map.of() : first.getMetadata().getLabels();
      List<Container> containers =
          first.getSpec() == null ? List.of() : first.getSpec().getContainers();
      out.add(
          new Usage(
              w.namespace(),
              w.kind(),
              w.name(),
              team(labels),
              Stack.of(labels, w.images()),
              Math.max(w.desired(), 1),
              sum(containers, true, "cpu"),
              sum(containers, false, "cpu"),
              sum(containers, true, "memory"),
              sum(containers, false, "memory"),
              highest(cpu, names),
              highest(memory, names)));
    }
    return out;
  }

  static String team(Map<String, String> labels) {
    for (String key :
        List.of("team", "app.kubernetes.io/team", "owner", "app.kubernetes.io/part-of")) {
      if (labels.containsKey(key)) {
        return labels.get(key);
      }
    }
    return "(no team label)";
  }

  /** Per-pod totals over containers, NaN when any container leaves it unset. */
  static double sum(List<Container> containers, boolean requests, String resource) {
    if (containers.isEmpty()) {
      return Double.NaN;
    }
    double total = 0;
    for (Container c : containers) {
      var r = c.getResources();
      Map<String, Quantity> m = r == null ? null : requests ? r.getRequests() : r.getLimits();
      Quantity q = m == null ? null : m.get(resource);
      if (q == null) {
        return Double.NaN;
      }
      total += Quantity.getAmountInBytes(q).doubleValue();
    }
    return total;
  }

  private static Map<String, List<Series.Point>> byPod(List<Series> series) {
    Map<String, List<Series.Point>> out = new HashMap<>();
    for (Series s : series) {
      out.put(
          s.labels().getOrDefault("namespace", "") + "/" + s.labels().getOrDefault("pod", ""),
          s.points());
    }
    return out;
  }

  /** At each sample time, the busiest replica: requests are per pod, so is the comparison. */
  private static List<Series.Point> highest(
      Map<String, List<Series.Point>> byPod, Set<String> pods) {
    TreeMap<Instant, Double> max = new TreeMap<>();
    for (String pod : pods) {
      for (Series.Point p : byPod.getOrDefault(pod, List.of())) {
        if (Double.isFinite(p.value())) {
          max.merge(p.time(), p.value(), Math::max);
        }
      }
    }
    List<Series.Point> out = new ArrayList<>();
    max.forEach((t, v) -> out.add(new Series.Point(t, v)));
    return out;
  }
}
