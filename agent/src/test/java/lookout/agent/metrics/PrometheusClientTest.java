package lookout.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the real Prometheus binary (Debian's {@code /usr/bin/prometheus}) on loopback,
 * scraping a tiny exporter served by the test every second: a pod whose memory climbs 4 MiB per
 * second towards a 256 MiB limit. Skips when the binary is missing, except in CI.
 */
class PrometheusClientTest {
  static final Path BINARY = Path.of("/usr/bin/prometheus");
  static final long LIMIT = 256L << 20;
  static HttpServer exporter;
  static Process prometheus;
  static PrometheusClient client;
  static final long started = System.currentTimeMillis();

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    boolean ci = System.getenv("CI") != null;
    assumeTrue(ci || Files.isExecutable(BINARY), "prometheus binary missing; skipped locally");
    exporter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    exporter.createContext(
        "/metrics",
        ex -> {
          long seconds = (System.currentTimeMillis() - started) / 1000;
          String body =
              "# TYPE container_memory_working_set_bytes gauge\n"
                  + "container_memory_working_set_bytes{namespace=\"shop\",pod=\"cart-1\",container=\"app\"} "
                  + ((100L << 20) + seconds * (4L << 20))
                  + "\ncontainer_memory_working_set_bytes{namespace=\"shop\",pod=\"web-1\",container=\"app\"} "
                  + (50L << 20)
                  + "\n# TYPE kube_pod_container_resource_limits gauge\n"
                  + "kube_pod_container_resource_limits{namespace=\"shop\",pod=\"cart-1\",container=\"app\",resource=\"memory\"} "
                  + LIMIT
                  + "\n";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, bytes.length);
          ex.getResponseBody().write(bytes);
          ex.close();
        });
    exporter.start();
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
            + "scrape_configs:\n"
            + "  - job_name: exporter\n"
            + "    honor_labels: true\n"
            + "    static_configs: [{targets: ['127.0.0.1:"
            + exporter.getAddress().getPort()
            + "']}]\n");
    prometheus =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    URI url = URI.create("http://127.0.0.1:" + port);
    client = new PrometheusClient(PrometheusEndpoint.of(url));
    waitFor(url);
  }

  /** Ready, and at least five samples of the climbing series are in. */
  private static void waitFor(URI url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try {
      Eventually.until(
          "Prometheus to be ready with five samples",
          Duration.ofSeconds(60),
          Duration.ofMillis(300),
          () -> {
            try {
              var ready =
                  http.send(
                      HttpRequest.newBuilder(url.resolve("/-/ready")).build(),
                      HttpResponse.BodyHandlers.discarding());
              if (ready.statusCode() != 200) {
                return false;
              }
              List<Series> s =
                  client.instant(
                      "count_over_time(container_memory_working_set_bytes{pod=\"cart-1\"}[1m])",
                      Instant.now());
              return !s.isEmpty() && s.get(0).last() >= 5;
            } catch (IOException | MetricsException e) {
              return false; // not up yet
            }
          });
    } catch (AssertionError e) {
      throw new IllegalStateException(
          "Prometheus did not become ready: " + Files.readString(dir.resolve("prometheus.log")));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      prometheus.waitFor();
    }
    if (exporter != null) {
      exporter.stop(0);
    }
  }

  @Test
  void an_instant_query_returns_each_series_with_its_labels() {
    List<Series> series =
        client.instant("container_memory_working_set_bytes{namespace=\"shop\"}", Instant.now());

    assertThat(series)
        .extracting(s -> s.labels().get("pod"))
        .containsExactlyInAnyOrder("cart-1", "web-1");
    assertThat(series).allSatisfy(s -> assertThat(s.last()).isGreaterThan(0));
  }

  @Test
  void a_range_query_summarizes_a_climbing_series_as_rising() {
    MetricsService metrics = new MetricsService(client, Clock.systemUTC());

    List<SeriesSummary> summaries =
        metrics.summarize(
            "sum by (pod) (container_memory_working_set_bytes{namespace=\"shop\"})",
            Duration.ofMinutes(5));

    SeriesSummary cart = summaries.get(0);
    assertThat(cart.labels()).containsEntry("pod", "cart-1");
    assertThat(cart.max()).isGreaterThan(cart.min());
    assertThat(cart.trendPerHour()).isPositive();
    assertThat(cart.line(Unit.BYTES)).contains("rising");
  }

  @Test
  void predict_linear_says_the_climbing_pod_will_run_out_of_memory() {
    MetricsService metrics = new MetricsService(client, Clock.systemUTC());

    String text = metrics.forecastText("shop", "cart", Duration.ofHours(1));

    assertThat(text).contains("cart-1", "limit=256Mi", "WILL RUN OUT");
  }

  @Test
  void a_bad_query_comes_back_with_prometheus_own_message() {
    assertThatThrownBy(
            () -> client.instant("rate(container_memory_working_set_bytes)", Instant.now()))
        .isInstanceOf(MetricsException.class)
        .hasMessageContaining("Prometheus rejected")
        .hasMessageContaining("range vector");
  }

  @Test
  void a_long_range_is_refused_before_any_request() {
    Instant now = Instant.now();
    assertThatThrownBy(
            () -> client.range("up", now.minus(Duration.ofDays(8)), now, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than 7 days");
  }

  @Test
  void the_step_grows_so_a_range_never_exceeds_the_point_cap() {
    Instant now = Instant.now();
    List<Series> series =
        client.range("up", now.minus(Duration.ofHours(2)), now, Duration.ofMillis(1));
    assertThat(series)
        .allSatisfy(
            s -> assertThat(s.points()).hasSizeLessThanOrEqualTo(PrometheusClient.MAX_POINTS + 1));
  }
}
