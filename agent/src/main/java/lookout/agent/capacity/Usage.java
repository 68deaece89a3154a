package lookout.agent.capacity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lookout.agent.metrics.Series;

/**
 * What one workload asked for and used, per pod (requests and limits summed over its containers;
 * usage the highest replica at each sample).
 *
 * @param cpuRequest cores, NaN when not set (likewise the other three)
 * @param cpu hourly usage samples over the window, cores
 * @param memory hourly working-set samples over the window, bytes
 */
public record Usage(
    String namespace,
    String kind,
    String name,
    String team,
    Stack stack,
    int replicas,
    double cpuRequest,
    double cpuLimit,
    double memoryRequest,
    double memoryLimit,
    List<Series.Point> cpu,
    List<Series.Point> memory) {
  public Usage {
    cpu = List.copyOf(cpu);
    memory = List.copyOf(memory);
  }

  public String ref() {
    return namespace + "/" + name;
  }

  /** How much history backs the numbers: the shorter of the two series. */
  public Duration history() {
    return shorter(span(cpu), span(memory));
  }

  public Optional<Double> cpuP95() {
    return percentile(cpu, 0.95);
  }

  public Optional<Double> memoryP95() {
    return percentile(memory, 0.95);
  }

  public Optional<Double> memoryMax() {
    return percentile(memory, 1.0);
  }

  static Optional<Double> percentile(List<Series.Point> points, double q) {
    double[] v =
        points.stream()
            .mapToDouble(Series.Point::value)
            .filter(Double::isFinite)
            .sorted()
            .toArray();
    if (v.length == 0) {
      return Optional.empty();
    }
    int i = (int) Math.ceil(q * v.length) - 1;
    return Optional.of(v[Math.max(0, Math.min(v.length - 1, i))]);
  }

  private static Duration span(List<Series.Point> points) {
    return points.size() < 2
        ? Duration.ZERO
        : Duration.between(points.getFirst().time(), points.getLast().time());
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
