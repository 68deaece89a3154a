package lookout.agent.remote;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one HTTP service: its base URL and at most one of a bearer token and basic auth.
 *
 * @param url the service's base URL, e.g. {@code http://alertmanager.monitoring:9093}
 * @param timeout for connecting and for each whole request
 */
public record HttpEndpoint(
    URI url,
    Optional<String> bearerToken,
    Optional<String> username,
    Optional<String> password,
    Duration timeout) {
  public HttpEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(bearerToken, "bearerToken");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** No credentials, a 10 s timeout. */
  public static HttpEndpoint of(URI url) {
    return new HttpEndpoint(
        url, Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
  }

  /**
   * A request to {@code path} (relative to the base URL, which may itself have a path) with the
   * query parameters in order (a key may repeat), the timeout and the credentials set.
   */
  public HttpRequest.Builder request(String path, List<Map.Entry<String, String>> query) {
    String base = url.toString();
    StringBuilder target = new StringBuilder(base.endsWith("/") ? base : base + "/").append(path);
    char sep = '?';
    for (Map.Entry<String, String> q : query) {
      target
          .append(sep)
          .append(q.getKey())
          .append('=')
          .append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(target.toString()))
            .timeout(timeout)
            .header("Accept", "application/json");
    bearerToken.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    username.ifPresent(
        u ->
            b.header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (u + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8))));
    return b;
  }

  /** The base URL without any user info, for messages. */
  public String where() {
    return url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + (url.getPath() == null ? "" : url.getPath());
  }

  @Override
  public String toString() {
    return "HttpEndpoint[url="
        + where()
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
