package lookout.bot.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lookout.testing.Eventually;

/**
 * Measures what DESIGN.md targets for the embedded default: start to ready (sandbox, in-memory
 * knowledge index, SQLite) and idle resident memory, by launching the real jar as a separate
 * process. Run: {@code ./mvnw -pl bot -am -Pbench verify} (prints a Markdown table for
 * docs/benchmarks.md).
 */
public final class StartupBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "bot/target/lookout.jar").toAbsolutePath();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path cds = Files.createTempDirectory("lookout-cds").resolve("lookout.jsa");
    List<String> plain = List.of(java, "-jar", jar.toString());
    // The JVM's class-data-sharing archive, written by the first run and reused after (as the
    // README's serve command and the container image do).
    List<String> withCds =
        List.of(
            java,
            "-XX:+AutoCreateSharedArchive",
            "-XX:SharedArchiveFile=" + cds,
            "-jar",
            jar.toString());
    measure(withCds, false, 1); // training run: writes the archive
    System.out.println("| metric | JVM flags | semantic search | median | min | max | samples |");
    System.out.println("|---|---|---|---|---|---|---|");
    record Variant(List<String> command, String flags, boolean semantic) {}
    for (Variant v :
        List.of(
            new Variant(plain, "none", false),
            new Variant(withCds, "CDS archive", false),
            new Variant(withCds, "CDS archive", true))) {
      List<List<Long>> m = measure(v.command(), v.semantic(), runs);
      String flags = v.flags() + " | " + (v.semantic() ? "on" : "off");
      row("start to ready (ms)", flags, m.get(0));
      row("idle RSS after ready + 3 s (MB)", flags, m.get(1));
      row("RSS after 20 questions (MB)", flags, m.get(2));
      row("POST /api/console/messages (ms, accept only)", flags, m.get(3));
    }
  }

  private static List<List<Long>> measure(List<String> command, boolean semantic, int runs)
      throws Exception {
    List<Long> readyMs = new ArrayList<>();
    List<Long> idleRssMb = new ArrayList<>();
    List<Long> busyRssMb = new ArrayList<>();
    List<Long> askMs = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      int port = freePort();
      Path data = Files.createTempDirectory("lookout-bench");
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of("serve", "--port", String.valueOf(port), "--data-dir", data.toString()));
      long start = System.nanoTime();
      ProcessBuilder builder = new ProcessBuilder(args);
      builder.environment().put("LOOKOUT_KNOWLEDGE_SEMANTIC", String.valueOf(semantic));
      Process p =
          builder
              .redirectErrorStream(true)
              .redirectOutput(data.resolve("out.log").toFile())
              .start();
      try {
        awaitReady(port, p);
        readyMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        Thread.sleep(3000);
        idleRssMb.add(rssMb(p.pid()));
        for (int q = 0; q < 20; q++) {
          long t = System.nanoTime();
          post(port, "{\"user\":\"bench\",\"text\":\"why is checkout failing in staging?\"}");
          askMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
        }
        Thread.sleep(2000);
        busyRssMb.add(rssMb(p.pid()));
      } finally {
        p.destroy();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
    return List.of(readyMs, idleRssMb, busyRssMb, askMs);
  }

  private static void awaitReady(int port, Process p) throws Exception {
    try {
      Eventually.until(
          "lookout to be ready",
          java.time.Duration.ofSeconds(60),
          java.time.Duration.ofMillis(20),
          () -> {
            if (!p.isAlive()) {
              throw new IllegalStateException("lookout exited with " + p.exitValue());
            }
            try {
              return HTTP.send(
                          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                              .build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode()
                  == 200;
            } catch (java.io.IOException notYet) {
              return false; // not listening yet
            }
          });
    } catch (AssertionError e) {
      throw new IllegalStateException("not ready within 60 s: " + e.getMessage(), e);
    }
  }

  private static void post(int port, String body) throws Exception {
    HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/console/messages"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static long rssMb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void row(String name, String flags, List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    System.out.printf(
        "| %s | %s | %d | %d | %d | %d |%n",
        name,
        flags,
        sorted.get(sorted.size() / 2),
        sorted.get(0),
        sorted.get(sorted.size() - 1),
        sorted.size());
  }
}
