package lookout.agent.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where metrics come from: a Prometheus server, or the sandbox's generated series. Blocking; call
 * from a virtual thread. Queries are validated by the caller ({@link PromQl}); failures throw
 * {@link MetricsException} with a message the model or a person can act on.
 */
public interface MetricsSource {
  /** The value of each series at {@code time}. */
  List<Series> instant(String promql, Instant time);

  /** Samples from {@code start} to {@code end} every {@code step}. */
  List<Series> range(String promql, Instant start, Instant end, Duration step);
}
