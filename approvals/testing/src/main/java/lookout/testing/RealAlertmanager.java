package lookout.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real {@code prometheus-alertmanager} on loopback with a temp data dir and no cluster
 * listener, started from a config body and ready (its {@code /-/ready} answers) when the
 * constructor returns. Tests that need it skip without the binary, except under CI ({@link
 * #usable}), where they fail.
 */
public final class RealAlertmanager implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

  /** A route to a receiver that notifies nobody: enough for the silences and alerts API. */
  public static final String QUIET_CONFIG =
      "route:\n  receiver: nobody\nreceivers:\n  - name: nobody\n";

  private final Process process;
  private final Path dir;
  private final int port;

  /** Starts it on {@code port} with {@code config} as its alertmanager.yml. */
  public RealAlertmanager(Path dir, int port, String config) throws Exception {
    this.dir = dir;
    this.port = port;
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("alertmanager.yml"), config);
    this.process =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + dir.resolve("alertmanager.yml"),
                "--storage.path=" + Files.createDirectories(dir.resolve("am-data")),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    try {
      Eventually.until(
          "Alertmanager to be ready on port " + port,
          Duration.ofSeconds(30),
          Duration.ofMillis(100),
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("Alertmanager exited: " + log());
            }
            try {
              return http.send(
                          HttpRequest.newBuilder(URI.create(url() + "/-/ready")).build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode()
                  == 200;
            } catch (IOException e) {
              return false;
            }
          });
    } catch (AssertionError | RuntimeException | InterruptedException e) {
      close();
      throw e;
    }
  }

  /** Starts it on a free port with {@link #QUIET_CONFIG}. */
  public static RealAlertmanager quiet(Path dir) throws Exception {
    return new RealAlertmanager(dir, freePort(), QUIET_CONFIG);
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /**
   * True when the binary is there; false when it is not, so the test can skip (e.g. {@code
   * assumeTrue(RealAlertmanager.usable(), …)}) — except under {@code CI}, which installs it ({@code
   * .ci/run}): there a missing binary fails the test.
   */
  public static boolean usable() {
    if (installed()) {
      return true;
    }
    if (System.getenv("CI") != null) {
      throw new AssertionError(
          "CI must have " + BINARY + ": apt-get install prometheus-alertmanager (.ci/run does)");
    }
    return false;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The tail of its log, for failure messages. */
  public String log() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("alertmanager.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
