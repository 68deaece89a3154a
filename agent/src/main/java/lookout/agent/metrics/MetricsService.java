package lookout.agent.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Questions about metrics answered as summaries, never raw samples. The structured methods ({@link
 * #summarize}, {@link #topPods}, {@link #memoryForecast}) are for reuse by alerts and capacity
 * planning; the {@code *Text} methods are what tools return. The PromQL here targets the series
 * cAdvisor (via the kubelet) and kube-state-metrics export.
 */
public final class MetricsService {
  public static final int MAX_SERIES = 10;
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

  /** Finest step: 120 points per window, but not below the scrape resolution. */
  private static final Duration STEP = Duration.ofSeconds(1);

  private final MetricsSource source;
  private final Clock clock;

  /**
   * @param source null when the cluster has no metrics configured: every call says so
   */
  public MetricsService(MetricsSource source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  public boolean available() {
    return source != null;
  }

  /** Each series of a range query over the last {@code window}, summarized, largest max first. */
  public List<SeriesSummary> summarize(String promql, Duration window) {
    PromQl.validate(promql); // whatever the source, a bad query is refused with its reason
    Instant end = clock.instant();
    Duration step = window.dividedBy(120).compareTo(STEP) < 0 ? STEP : window.dividedBy(120);
    return source().range(promql, end.minus(window), end, step).stream()
        .map(SeriesSummary::of)
        .sorted(Comparator.comparingDouble(SeriesSummary::max).reversed())
        .toList();
  }

  /** The {@code n} pods of a namespace using the most CPU (cores) or memory (working set bytes). */
  public List<Series> topPods(String namespace, Resource resource, int n) {
    String ns = name(namespace, "namespace");
    String q =
        "topk("
            + Math.max(1, Math.min(n, MAX_SERIES))
            + ", sum by (pod) ("
            + resource.selector(ns)
            + "))";
    return source().instant(q, clock.instant());
  }

  /**
   * Memory working set of the pods whose name starts with {@code podPrefix}, predicted {@code
   * horizon} ahead by {@code predict_linear} over the last hour, against each pod's memory limit.
   */
  public List<Forecast> memoryForecast(String namespace, String podPrefix, Duration horizon) {
    String sel = podSelector(namespace, podPrefix);
    String usage = "sum by (pod) (container_memory_working_set_bytes" + sel + ")";
    String predicted =
        "sum by (pod) (predict_linear(container_memory_working_set_bytes"
            + sel
            + "[1h], "
            + horizon.toSeconds()
            + "))";
    String limits =
        "sum by (pod) (kube_pod_container_resource_limits"
            + sel.replace("}", ", resource=\"memory\"}")
            + ")";
    Instant now = clock.instant();
    Map<String, Double> current = byPod(source().instant(usage, now));
    Map<String, Double> limit = byPod(source().instant(limits, now));
    List<Forecast> out = new ArrayList<>();
    for (Series s : source().instant(predicted, now)) {
      String pod = s.labels().getOrDefault("pod", "");
      out.add(
          new Forecast(
              s.labels(),
              s.labelText(),
              current.getOrDefault(pod, Double.NaN),
              s.last(),
              limit.getOrDefault(pod, Double.NaN)));
    }
    return out;
  }

  // ---- text for tools ----

  public String queryText(String promql, Duration window) {
    List<SeriesSummary> all = summarize(promql, window);
    Unit unit = Unit.guess(promql);
    List<String> lines = new ArrayList<>();
    lines.add(promql + " over " + window.toMinutes() + "m, " + all.size() + " series:");
    all.stream().limit(MAX_SERIES).forEach(s -> lines.add(s.line(unit)));
    if (all.size() > MAX_SERIES) {
      lines.add(
          "… " + (all.size() - MAX_SERIES) + " more series — narrow by label matchers or sum by");
    }
    return all.isEmpty() ? "NO_DATA: no series for " + promql : String.join("\n", lines);
  }

  public String topText(String namespace, Resource resource, int n) {
    List<Series> top = topPods(namespace, resource, n);
    if (top.isEmpty()) {
      return "NO_DATA: no " + resource.name().toLowerCase() + " series in " + namespace;
    }
    List<String> lines = new ArrayList<>();
    lines.add("top pods by " + resource.name().toLowerCase() + " in " + namespace + ":");
    top.stream()
        .sorted(Comparator.comparingDouble(Series::last).reversed())
        .forEach(s -> lines.add(s.labels().get("pod") + " " + resource.unit().format(s.last())));
    return String.join("\n", lines);
  }

  public String restartsText(String namespace) {
    String q =
        "sum by (pod) (increase(kube_pod_container_status_restarts_total{namespace=\""
            + name(namespace, "namespace")
            + "\"}[1h])) > 0";
    List<Series> s = source().instant(q, clock.instant());
    if (s.isEmpty()) {
      return "no container restarted in " + namespace + " in the last hour";
    }
    List<String> lines =
        new ArrayList<>(List.of("restarts in the last hour in " + namespace + ":"));
    s.stream()
        .sorted(Comparator.comparingDouble(Series::last).reversed())
        .limit(MAX_SERIES)
        .forEach(x -> lines.add(x.labels().get("pod") + " " + Math.round(x.last())));
    return String.join("\n", lines);
  }

  public String forecastText(String namespace, String podPrefix, Duration horizon) {
    List<Forecast> all = memoryForecast(namespace, podPrefix, horizon);
    if (all.isEmpty()) {
      return "NO_DATA: no memory series for pods " + podPrefix + "* in " + namespace;
    }
    List<String> lines = new ArrayList<>();
    for (Forecast f : all.stream().limit(MAX_SERIES).toList()) {
      lines.add(
          f.labels().getOrDefault("pod", f.labelText())
              + " memory now="
              + Unit.BYTES.format(f.now())
              + " in "
              + horizon.toHours()
              + "h≈"
              + Unit.BYTES.format(f.predicted())
              + " limit="
              + (Double.isNaN(f.limit()) ? "none" : Unit.BYTES.format(f.limit()))
              + (f.runsOut() ? " — WILL RUN OUT (OOMKill expected)" : " — ok"));
    }
    return String.join("\n", lines);
  }

  /** Memory vs limit, CPU and restarts of a workload's pods: the metrics part of investigate. */
  public List<String> keyMetrics(String namespace, String podPrefix) {
    if (source == null) {
      return List.of("metrics: not configured for this cluster");
    }
    List<String> lines = new ArrayList<>();
    String sel = podSelector(namespace, podPrefix);
    try {
      summarize("sum by (pod) (container_memory_working_set_bytes" + sel + ")", Duration.ofHours(1))
          .stream()
          .limit(3)
          .forEach(s -> lines.add("memory 1h " + s.line(Unit.BYTES, pod(s))));
      summarize(
              "sum by (pod) (rate(container_cpu_usage_seconds_total" + sel + "[5m]))",
              Duration.ofHours(1))
          .stream()
          .limit(3)
          .forEach(s -> lines.add("cpu 1h " + s.line(Unit.CORES, pod(s))));
      memoryForecast(namespace, podPrefix, Duration.ofHours(4)).stream()
          .filter(Forecast::runsOut)
          .limit(3)
          .forEach(
              f ->
                  lines.add(
                      "forecast "
                          + f.labels().get("pod")
                          + " memory reaches its limit "
                          + Unit.BYTES.format(f.limit())
                          + " within 4h"));
    } catch (RuntimeException e) {
      lines.add("metrics: " + e.getMessage());
    }
    return lines;
  }

  private static String pod(SeriesSummary s) {
    return s.labels().getOrDefault("pod", s.labelText());
  }

  private MetricsSource source() {
    if (source == null) {
      throw new MetricsException("Prometheus is not configured for this cluster");
    }
    return source;
  }

  private static String podSelector(String namespace, String podPrefix) {
    return "{namespace=\""
        + name(namespace, "namespace")
        + "\", pod=~\""
        + name(podPrefix, "pod").replace(".", "\\\\.")
        + ".*\", container!=\"\", container!=\"POD\"}";
  }

  private static Map<String, Double> byPod(List<Series> series) {
    Map<String, Double> out = new java.util.HashMap<>();
    series.forEach(s -> out.put(s.labels().getOrDefault("pod", ""), s.last()));
    return out;
  }

  /** Names go into PromQL strings: only Kubernetes name characters, so nothing can break out. */
  static String name(String value, String what) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a Kubernetes name");
    }
    return value;
  }

  /** What {@link #topPods} ranks by. */
  public enum Resource {
    CPU,
    MEMORY;

    String selector(String ns) {
      return this == CPU
          ? "rate(container_cpu_usage_seconds_total{namespace=\""
              + ns
              + "\", container!=\"\", container!=\"POD\"}[5m])"
          : "container_memory_working_set_bytes{namespace=\""
              + ns
              + "\", container!=\"\", container!=\"POD\"}";
    }

    Unit unit() {
      return this == CPU ? Unit.CORES : Unit.BYTES;
    }
  }
}
