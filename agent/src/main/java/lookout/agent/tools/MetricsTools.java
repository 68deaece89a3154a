package lookout.agent.tools;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lookout.agent.metrics.MetricsService;

/** Prometheus for the model: summaries (min/avg/max/last/trend), never raw samples. */
public final class MetricsTools {
  private static final Pattern WINDOW = Pattern.compile("(\\d+)([mhd])");
  private final MetricsService metrics;

  public MetricsTools(MetricsService metrics) {
    this.metrics = metrics;
  }

  @Tool(
      name = "metrics_query",
      value =
          "Run a PromQL range query and get per-series min/avg/max/last/trend. Aggregate with sum"
              + " by (pod) to keep it small.")
  public String query(
      @P("PromQL expression") String promql,
      @P(value = "window such as 30m, 1h, 6h (max 7d); default 1h", required = false)
          String window) {
    return Budget.cut(metrics.queryText(promql, window(window)), 3_000, "label matchers");
  }

  @Tool(name = "top_pods", value = "Pods of a namespace using the most cpu or memory right now.")
  public String topPods(
      @P("namespace") String namespace,
      @P("cpu or memory") String resource,
      @P(value = "how many, default 5", required = false) Integer n) {
    return metrics.topText(namespace, resource(resource), n == null ? 5 : n);
  }

  @Tool(name = "restarts", value = "Container restarts per pod in a namespace in the last hour.")
  public String restarts(@P("namespace") String namespace) {
    return Budget.cut(metrics.restartsText(namespace), 2_000, "namespace");
  }

  @Tool(
      name = "will_run_out",
      value = "predict_linear forecast: will pods named prefix* reach their memory limit?")
  public String willRunOut(
      @P("namespace") String namespace,
      @P("pod name prefix, e.g. the workload name") String podPrefix,
      @P(value = "hours ahead, default 4", required = false) Integer hours) {
    return metrics.forecastText(
        namespace, podPrefix, Duration.ofHours(hours == null ? 4 : Math.min(hours, 168)));
  }

  static Duration window(String text) {
    if (text == null || text.isBlank()) {
      return Duration.ofHours(1);
    }
    Matcher m = WINDOW.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("window '" + text + "' is not like 30m, 1h or 2d");
    }
    Duration d =
        switch (m.group(2)) {
          case "m" -> Duration.ofMinutes(Long.parseLong(m.group(1)));
          case "h" -> Duration.ofHours(Long.parseLong(m.group(1)));
          default -> Duration.ofDays(Long.parseLong(m.group(1)));
        };
    if (d.compareTo(Duration.ofDays(7)) > 0 || d.isZero()) {
      throw new IllegalArgumentException("window must be between 1m and 7d");
    }
    return d;
  }

  private static MetricsService.Resource resource(String text) {
    return "cpu".equalsIgnoreCase(text == null ? "" : text.trim())
        ? MetricsService.Resource.CPU
        : MetricsService.Resource.MEMORY;
  }
}
