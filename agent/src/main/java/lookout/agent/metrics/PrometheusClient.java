package lookout.agent.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}) over {@code
 * java.net.http}. Bounds every query: the range at most {@link PromQl#MAX_RANGE}, at most {@link
 * #MAX_POINTS} points per series (the step grows to fit), at most {@link #MAX_BODY} bytes of
 * response. Errors name the query and Prometheus's own message; credentials never appear in them.
 */
public final class PrometheusClient implements MetricsSource {
  public static final int MAX_POINTS = 500;
  static final int MAX_BODY = 8 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrometheusEndpoint endpoint;
  private final HttpClient http;

  public PrometheusClient(PrometheusEndpoint endpoint) {
    this.endpoint = endpoint;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(endpoint.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @Override
  public List<Series> instant(String promql, Instant time) {
    String q = PromQl.validate(promql);
    return get("api/v1/query", Map.of("query", q, "time", seconds(time)), q);
  }

  @Override
  public List<Series> range(String promql, Instant start, Instant end, Duration step) {
    String q = PromQl.validate(promql);
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("the range must end after it starts");
    }
    Duration span = Duration.between(start, end);
    if (span.compareTo(PromQl.MAX_RANGE) > 0) {
      throw new IllegalArgumentException("the range " + span + " is longer than 7 days");
    }
    Duration minStep = span.dividedBy(MAX_POINTS);
    Duration bounded = step.compareTo(minStep) < 0 ? minStep : step;
    if (bounded.compareTo(Duration.ofSeconds(1)) < 0) {
      bounded = Duration.ofSeconds(1);
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("query", q);
    params.put("start", seconds(start));
    params.put("end", seconds(end));
    // a float number of seconds: Prometheus rejects "14.4s" but accepts "14.4"
    params.put("step", String.valueOf(bounded.toMillis() / 1000.0));
    return get("api/v1/query_range", params, q);
  }

  private List<Series> get(String path, Map<String, String> params, String query) {
    StringBuilder url = new StringBuilder(base()).append(path).append('?');
    params.forEach(
        (k, v) ->
            url.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url.substring(0, url.length() - 1)))
            .timeout(endpoint.timeout())
            .header("Accept", "application/json")
            .GET();
    endpoint.bearerToken().ifPresent(t -> request.header("Authorization", "Bearer " + t));
    endpoint
        .username()
        .ifPresent(
            u ->
                request.header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (u + ":" + endpoint.password().orElse(""))
                                    .getBytes(StandardCharsets.UTF_8))));
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        throw new MetricsException(
            "Prometheus answered more than 8 MiB for " + query + "; narrow the label matchers");
      }
      return parse(response.statusCode(), body, query);
    } catch (IOException e) {
      throw new MetricsException(
          "while querying Prometheus at " + endpoint.url() + " for " + query + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MetricsException("interrupted while querying Prometheus", e);
    }
  }

  static List<Series> parse(int status, byte[] body, String query) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new MetricsException(
          "Prometheus answered HTTP " + status + " with a body that is not JSON for " + query);
    }
    if (root == null || !"success".equals(root.path("status").asText())) {
      String error = root == null ? "" : root.path("error").asText("");
      throw new MetricsException(
          "Prometheus rejected " + query + " (HTTP " + status + "): " + error);
    }
    JsonNode data = root.path("data");
    String type = data.path("resultType").asText();
    List<Series> out = new ArrayList<>();
    switch (type) {
      case "scalar", "string" -> out.add(new Series(Map.of(), List.of(point(data.path("result")))));
      case "vector" -> {
        for (JsonNode r : data.path("result")) {
          out.add(new Series(labels(r.path("metric")), List.of(point(r.path("value")))));
        }
      }
      case "matrix" -> {
        for (JsonNode r : data.path("result")) {
          List<Series.Point> points = new ArrayList<>();
          r.path("values").forEach(v -> points.add(point(v)));
          out.add(new Series(labels(r.path("metric")), points));
        }
      }
      default -> throw new MetricsException("unexpected Prometheus result type " + type);
    }
    return out;
  }

  private static Map<String, String> labels(JsonNode metric) {
    Map<String, String> labels = new LinkedHashMap<>();
    metric.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  private static Series.Point point(JsonNode pair) {
    double t = pair.path(0).asDouble();
    String v = pair.path(1).asText();
    double value =
        switch (v) {
          case "NaN" -> Double.NaN;
          case "+Inf" -> Double.POSITIVE_INFINITY;
          case "-Inf" -> Double.NEGATIVE_INFINITY;
          default -> Double.parseDouble(v);
        };
    return new Series.Point(Instant.ofEpochMilli(Math.round(t * 1000)), value);
  }

  private String base() {
    String u = endpoint.url().toString();
    return u.endsWith("/") ? u : u + "/";
  }

  private static String seconds(Instant t) {
    return String.valueOf(t.toEpochMilli() / 1000.0);
  }
}
