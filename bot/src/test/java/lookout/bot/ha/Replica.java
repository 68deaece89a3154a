package lookout.bot.ha;

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
import lookout.testing.Eventually;

/**
 * One Lookout replica as a real child JVM ({@code lookout.bot.Main serve}, the class the jar's
 * manifest starts) with its own config, data dir and log file; killed with SIGKILL on demand.
 */
final class Replica implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private Replica(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts a replica whose config is {@code yaml} with {@code %PORT%} and {@code %DATA%} filled.
   */
  static Replica start(String name, Path dir, String yaml) throws IOException {
    int port = freePort();
    Path data = Files.createDirectories(dir.resolve(name));
    Path config =
        Files.writeString(
            data.resolve("lookout.yaml"),
            yaml.replace("%PORT%", String.valueOf(port)).replace("%DATA%", data.toString()));
    Path log = data.resolve("replica.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "--enable-native-access=ALL-UNNAMED",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-Xmx384m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "lookout.bot.Main",
                    "serve",
                    "--config",
                    config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new Replica(name, port, log, process);
  }

  /** Waits until {@code /readyz} answers 200. */
  Replica awaitReady(Duration within) throws Exception {
    try {
      Eventually.until(
          name + " to be ready",
          within,
          Duration.ofMillis(200),
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException(
                  name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
              return HTTP.send(
                          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                              .timeout(Duration.ofSeconds(2))
                              .build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode()
                  == 200;
            } catch (IOException e) {
              return false; // not listening yet
            }
          });
      return this;
    } catch (AssertionError e) {
      throw new AssertionError(name + " not ready within " + within + ":\n" + logTail(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook runs, the lease is not released; the others must wait it out. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
