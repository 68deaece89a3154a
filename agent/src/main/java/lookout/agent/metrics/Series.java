package lookout.agent.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One time series: its labels and its samples, oldest first (one sample for an instant query). */
public record Series(Map<String, String> labels, List<Point> points) {
  public Series {
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    points = List.copyOf(points);
  }

  public record Point(Instant time, double value) {}

  /** {@code {namespace="staging", pod="checkout-1"}}, without the metric name. */
  public String labelText() {
    StringBuilder sb = new StringBuilder("{");
    labels.forEach(
        (k, v) -> {
          if (!k.equals("__name__")) {
            sb.append(sb.length() > 1 ? ", " : "").append(k).append("=\"").append(v).append('"');
          }
        });
    return sb.append('}').toString();
  }

  public double last() {
    return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).value();
  }
}
