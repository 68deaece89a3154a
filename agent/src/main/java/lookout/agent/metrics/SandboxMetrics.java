package lookout.agent.metrics;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plausible series for the sandbox cluster, so metrics answers work with no Prometheus. It
 * understands the queries {@link MetricsService} writes (metric name, {@code namespace} and {@code
 * pod} matchers, {@code rate}, {@code increase}, {@code predict_linear}) and derives values from
 * the sandbox pods: an OOMKilled pod's memory climbs towards its limit over the last hour, healthy
 * pods sit flat at about a third of theirs, restarts come from the pod status. Any other query gets
 * the per-pod series of the first metric it names. Not a PromQL engine.
 */
public final class SandboxMetrics implements MetricsSource {
  private static final Pattern NAMESPACE = Pattern.compile("namespace=\"([^\"]+)\"");
  private static final Pattern POD = Pattern.compile("pod=(~?)\"([^\"]+)\"");
  private static final Pattern PREDICT =
      Pattern.compile("predict_linear\\(.*\\[[^\\]]+],\\s*(\\d+)\\s*\\)");
  private static final long DEFAULT_LIMIT = 512L << 20;

  private final KubernetesClient client;

  public SandboxMetrics(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public List<Series> instant(String promql, Instant time) {
    return series(PromQl.validate(promql), time, time, Duration.ofMinutes(1));
  }

  @Override
  public List<Series> range(String promql, Instant start, Instant end, Duration step) {
    return series(PromQl.validate(promql), start, end, step);
  }

  private List<Series> series(String q, Instant start, Instant end, Duration step) {
    String metric = metric(q);
    if (metric == null) {
      return List.of();
    }
    Matcher predict = PREDICT.matcher(q);
    long ahead = predict.find() ? Long.parseLong(predict.group(1)) : 0;
    List<Series> out = new ArrayList<>();
    for (Pod pod : pods(q)) {
      List<Series.Point> points = new ArrayList<>();
      for (Instant t = start; !t.isAfter(end); t = t.plus(step)) {
        double v = value(metric, pod, t.plusSeconds(ahead), end);
        points.add(new Series.Point(t, v));
        if (step.isZero()) {
          break;
        }
      }
      if (q.contains("> 0") && points.stream().allMatch(p -> p.value() <= 0)) {
        continue;
      }
      out.add(
          new Series(
              Map.of(
                  "namespace",
                  pod.getMetadata().getNamespace(),
                  "pod",
                  pod.getMetadata().getName()),
              points));
    }
    return out;
  }

  private double value(String metric, Pod pod, Instant t, Instant now) {
    double limit = memoryLimit(pod);
    double noise = Math.sin(t.getEpochSecond() / 300.0 + pod.getMetadata().getName().hashCode());
    return switch (metric) {
      case "container_memory_working_set_bytes" -> {
        if (oomKilled(pod)) {
          // climbing: 55% of the limit an hour ago, 95% now, on past the limit if extrapolated
          double hours = Duration.between(now.minus(Duration.ofHours(1)), t).toSeconds() / 3600.0;
          yield limit * (0.55 + 0.40 * hours);
        }
        yield limit * (0.33 + 0.02 * noise);
      }
      case "container_cpu_usage_seconds_total" -> running(pod) ? 0.08 + 0.03 * noise : 0.005;
      case "kube_pod_container_status_restarts_total" -> restarts(pod);
      case "kube_pod_container_resource_limits" -> limit;
      default -> 0;
    };
  }

  private static String metric(String q) {
    for (String m :
        List.of(
            "container_memory_working_set_bytes",
            "container_cpu_usage_seconds_total",
            "kube_pod_container_status_restarts_total",
            "kube_pod_container_resource_limits")) {
      if (q.contains(m)) {
        return m;
      }
    }
    return null;
  }

  private List<Pod> pods(String q) {
    Matcher ns = NAMESPACE.matcher(q);
    List<Pod> pods =
        ns.find()
            ? client.pods().inNamespace(ns.group(1)).list().getItems()
            : client.pods().inAnyNamespace().list().getItems();
    Matcher pod = POD.matcher(q);
    if (!pod.find()) {
      return pods;
    }
    Pattern p =
        Pattern.compile(pod.group(1).isEmpty() ? Pattern.quote(pod.group(2)) : pod.group(2));
    return pods.stream().filter(x -> p.matcher(x.getMetadata().getName()).matches()).toList();
  }

  private static double memoryLimit(Pod pod) {
    double sum = 0;
    for (Container c : pod.getSpec().getContainers()) {
      Quantity q =
          c.getResources() == null || c.getResources().getLimits() == null
              ? null
              : c.getResources().getLimits().get("memory");
      sum += q == null ? DEFAULT_LIMIT : Quantity.getAmountInBytes(q).doubleValue();
    }
    return sum == 0 ? DEFAULT_LIMIT : sum;
  }

  private static List<ContainerStatus> statuses(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
        ? List.of()
        : pod.getStatus().getContainerStatuses();
  }

  private static boolean oomKilled(Pod pod) {
    return statuses(pod).stream()
        .anyMatch(
            s ->
                s.getLastState() != null
                        && s.getLastState().getTerminated() != null
                        && "OOMKilled".equals(s.getLastState().getTerminated().getReason())
                    || s.getState() != null
                        && s.getState().getTerminated() != null
                        && "OOMKilled".equals(s.getState().getTerminated().getReason()));
  }

  private static boolean running(Pod pod) {
    return statuses(pod).stream()
        .anyMatch(s -> s.getState() != null && s.getState().getRunning() != null);
  }

  private static double restarts(Pod pod) {
    return statuses(pod).stream()
        .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount())
        .sum();
  }
}
