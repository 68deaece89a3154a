package lookout.agent.capacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.agent.charts.ValueUnit;
import lookout.agent.metrics.MetricsSource;
import lookout.agent.metrics.Series;

/**
 * Forecasts from a week of history: each workload's memory against its limit, volumes against their
 * capacity, quotas against their hard limit, and — cluster-wide — how many nodes' worth of requests
 * the cluster will carry next week.
 */
public final class Forecasts {
  private final MetricsSource metrics;
  private final Clock clock;

  public Forecasts(MetricsSource metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  public List<Outlook> memory(List<Usage> usage) {
    List<Outlook> out = new ArrayList<>();
    for (Usage u : usage) {
      if (Double.isFinite(u.memoryLimit()) && !u.memory().isEmpty()) {
        out.add(
            Outlook.of(u.ref(), Outlook.Kind.MEMORY, ValueUnit.BYTES, u.memory(), u.memoryLimit()));
      }
    }
    return out;
  }

  public List<Outlook> volumes(String namespace) {
    String by = "sum by (namespace, persistentvolumeclaim) ";
    Map<String, Double> capacity =
        last(
            metrics.instant(
                by + "(kubelet_volume_stats_capacity_bytes" + Queries.in(namespace) + ")",
                clock.instant()),
            "persistentvolumeclaim");
    List<Outlook> out = new ArrayList<>();
    for (Series s : range(by + "(kubelet_volume_stats_used_bytes" + Queries.in(namespace) + ")")) {
      String key = key(s, "persistentvolumeclaim");
      Double cap = capacity.get(key);
      if (cap != null) {
        out.add(Outlook.of(key, Outlook.Kind.VOLUME, ValueUnit.BYTES, s.points(), cap));
      }
    }
    return out;
  }

  public List<Outlook> quotas(String namespace) {
    String ns = namespace == null ? "" : "namespace=\"" + namespace + "\",";
    Map<String, Double> hard =
        last(
            metrics.instant("kube_resourcequota{" + ns + "type=\"hard\"}", clock.instant()),
            "resourcequota",
            "resource");
    List<Outlook> out = new ArrayList<>();
    for (Series s : range("kube_resourcequota{" + ns + "type=\"used\"}")) {
      String key = key(s, "resourcequota", "resource");
      Double limit = hard.get(key);
      if (limit != null) {
        String resource = s.labels().getOrDefault("resource", "");
        ValueUnit unit =
            resource.contains("memory") || resource.contains("storage")
                ? ValueUnit.BYTES
                : resource.contains("cpu") ? ValueUnit.CORES : ValueUnit.COUNT;
        out.add(Outlook.of(key, Outlook.Kind.QUOTA, unit, s.points(), limit));
      }
    }
    return out;
  }

  /**
   * Requests of the whole cluster next week against node allocatable: "CPU requests reach 26 cores,
   * 7 nodes' worth at 4 cores each; the cluster has 6 nodes".
   */
  public record NodeNeed(
      String resource,
      ValueUnit unit,
      Trend trend,
      double nextWeek,
      double perNode,
      int nodes,
      int needed) {}

  public List<NodeNeed> nodes() {
    List<NodeNeed> out = new ArrayList<>();
    Instant now = clock.instant();
    double nodes = first(metrics.instant("count(kube_node_info)", now));
    for (String resource : List.of("cpu", "memory")) {
      List<Series> requests =
          range("sum(kube_pod_container_resource_requests{resource=\"" + resource + "\"})");
      double allocatable =
          first(
              metrics.instant(
                  "sum(kube_node_status_allocatable{resource=\"" + resource + "\"})", now));
      if (requests.isEmpty() || !(nodes > 0) || !(allocatable > 0)) {
        continue;
      }
      Optional<Trend> trend = Trend.fit(requests.getFirst().points());
      if (trend.isEmpty()) {
        continue;
      }
      double nextWeek = trend.get().valueAt(now.plus(Duration.ofDays(7)));
      double perNode = allocatable / nodes;
      out.add(
          new NodeNeed(
              resource,
              resource.equals("cpu") ? ValueUnit.CORES : ValueUnit.BYTES,
              trend.get(),
              nextWeek,
              perNode,
              (int) nodes,
              (int) Math.ceil(Math.max(nextWeek, trend.get().lastValue()) / perNode)));
    }
    return out;
  }

  private List<Series> range(String promql) {
    Instant end = clock.instant();
    return metrics.range(promql, end.minus(UsageReader.WINDOW), end, UsageReader.STEP);
  }

  private static double first(List<Series> series) {
    return series.isEmpty() ? Double.NaN : series.getFirst().last();
  }

  private static Map<String, Double> last(List<Series> series, String... labels) {
    Map<String, Double> out = new HashMap<>();
    series.forEach(s -> out.put(key(s, labels), s.last()));
    return out;
  }

  private static String key(Series s, String... labels) {
    StringBuilder sb = new StringBuilder(s.labels().getOrDefault("namespace", ""));
    for (String l : labels) {
      sb.append('/').append(s.labels().getOrDefault(l, ""));
    }
    return sb.toString();
  }
}
