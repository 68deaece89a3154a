package lookout.agent.capacity;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import lookout.agent.metrics.PrometheusClient;
import lookout.agent.metrics.PrometheusEndpoint;
import lookout.testing.Eventually;

/**
 * The real Prometheus (Debian's binary) loaded with days of history the test describes: series are
 * written as OpenMetrics, turned into TSDB blocks by {@code promtool tsdb create-blocks-from
 * openmetrics}, and served on loopback. Skips when the binaries are missing, except in CI.
 */
final class BackfilledPrometheus implements AutoCloseable {
  static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  /** One series: its metric and labels, and its value as a function of hours since the start. */
  record Spec(String metric, String type, String labels, DoubleUnaryOperator valueAtHour) {}

  private final Process process;
  private final Path dir;
  final PrometheusClient client;

  private BackfilledPrometheus(Process process, Path dir, PrometheusClient client) {
    this.process = process;
    this.dir = dir;
    this.client = client;
  }

  /**
   * Starts Prometheus with {@code specs} sampled every {@code step} from {@code start} to {@code
   * end}.
   */
  static BackfilledPrometheus start(
      Path dir, List<Spec> specs, Instant start, Instant end, Duration step) throws Exception {
    boolean ci = System.getenv("CI") != null;
    assumeTrue(
        ci || (Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL)),
        "prometheus/promtool missing; skipped locally");
    Path input = dir.resolve("history.om");
    write(input, specs, start, end, step);
    Path data = dir.resolve("data");
    run(
        dir,
        PROMTOOL.toString(),
        "tsdb",
        "create-blocks-from",
        "openmetrics",
        input.toString(),
        data.toString());
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global: {scrape_interval: 1m}\nscrape_configs: []\n");
    Process p =
        new ProcessBuilder(
                PROMETHEUS.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + data,
                "--storage.tsdb.retention.time=30d",
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    URI url = URI.create("http://127.0.0.1:" + port);
    BackfilledPrometheus prom =
        new BackfilledPrometheus(p, dir, new PrometheusClient(PrometheusEndpoint.of(url)));
    prom.waitReady(url);
    return prom;
  }

  private static void write(Path file, List<Spec> specs, Instant start, Instant end, Duration step)
      throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      List<String> typed = new ArrayList<>();
      for (Spec spec : specs) {
        if (!typed.contains(spec.metric())) {
          // OpenMetrics wants each metric family's samples together: specs are grouped by metric.
          typed.add(spec.metric());
          w.write("# TYPE " + spec.metric() + " " + spec.type() + "\n");
          for (Spec same : specs) {
            if (same.metric().equals(spec.metric())) {
              samples(w, same, start, end, step);
            }
          }
        }
      }
      w.write("# EOF\n");
    }
  }

  private static void samples(Writer w, Spec spec, Instant start, Instant end, Duration step)
      throws IOException {
    // OpenMetrics: a counter family "x" has samples named "x_total".
    String name = spec.type().equals("counter") ? spec.metric() + "_total" : spec.metric();
    for (Instant t = start; !t.isAfter(end); t = t.plus(step)) {
      double hours = Duration.between(start, t).toSeconds() / 3600.0;
      w.write(
          name
              + "{"
              + spec.labels()
              + "} "
              + spec.valueAtHour().applyAsDouble(hours)
              + " "
              + t.getEpochSecond()
              + "\n");
    }
  }

  private static void run(Path dir, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("promtool.log").toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(
          "promtool failed: " + Files.readString(dir.resolve("promtool.log")));
    }
  }

  private void waitReady(URI url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try {
      Eventually.until(
          "Prometheus to be ready",
          Duration.ofSeconds(60),
          Duration.ofMillis(200),
          () -> {
            try {
              return http.send(
                          HttpRequest.newBuilder(url.resolve("/-/ready")).build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode()
                  == 200;
            } catch (IOException e) {
              return false; // not up yet
            }
          });
    } catch (AssertionError e) {
      throw new IllegalStateException(
          "Prometheus did not become ready: " + Files.readString(dir.resolve("prometheus.log")));
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
