package lookout.agent.metrics;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one cluster's Prometheus. At most one of bearer token and basic auth.
 *
 * @param url the server's base URL, e.g. {@code http://prometheus.monitoring:9090}
 */
public record PrometheusEndpoint(
    URI url,
    Optional<String> bearerToken,
    Optional<String> username,
    Optional<String> password,
    Duration timeout) {
  public PrometheusEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(timeout, "timeout");
  }

  public static PrometheusEndpoint of(URI url) {
    return new PrometheusEndpoint(
        url, Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
  }

  @Override
  public String toString() {
    return "PrometheusEndpoint[url="
        + url
        + ", bearerToken="
        + bearerToken.map(t -> "***")
        + ", username="
        + username
        + ", password="
        + password.map(t -> "***")
        + ", timeout="
        + timeout
        + "]";
  }
}
