package lookout.bot.bench;

import com.slack.api.app_backend.SlackSignature;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lookout.adapters.slack.SignedRequests;

/**
 * Lookout's Slack ingest path (verify the signature over the raw body, parse, dedupe the event id
 * in SQLite, enqueue, ack) against a minimal Slack Bolt for Java app doing the same work, on the
 * same stream of signed {@code app_mention} events (2 % of them retries of the previous event) at
 * increasing open-loop rates, interleaved across the servers. Each server runs in its own JVM
 * ({@link IngestServer}); the load generators ({@link OpenLoopLoad}) run here. Each step also
 * checks that every distinct event reached the server's queue exactly once. Not a unit test: see
 * docs/benchmarks.md for the command.
 */
public final class SlackIngestBenchmark {
  static final int SECONDS = Integer.getInteger("bench.seconds", 3);
  static final int WARM_UP = 10_000;
  static final String SERVERS =
      System.getProperty("bench.servers", "lookout,lookout-hop,bolt-vertx,bolt-jdk");
  static final String RATES =
      System.getProperty("bench.rates", "500,1000,2000,4000,8000,12000,16000,24000");
  static final String CHILD_JVM =
      System.getProperty("bench.jvm", "-Xms256m -Xmx256m --enable-native-access=ALL-UNNAMED");

  /** One server JVM under test, its control pipe and its own load generator. */
  private record Server(
      String name,
      Process process,
      PrintStream control,
      BufferedReader answers,
      OpenLoopLoad load,
      List<String> rows) {
    void stop() throws InterruptedException {
      load.close();
      process.destroy();
      process.waitFor();
    }
  }

  public static void main(String[] args) throws Exception {
    List<Server> servers = new ArrayList<>();
    try {
      for (String name : SERVERS.split(",")) {
        servers.add(start(name));
      }
      for (Server server : servers) {
        // Warm-up, not printed: 10,000 requests so the server runs JIT-compiled code.
        step(server, 2000, WARM_UP / 2000, false);
      }
      // Rates are interleaved across the servers, so a neighbour's burst of load on a shared
      // machine hits all of them alike rather than one server's whole run.
      List<Server> active = new ArrayList<>(servers);
      java.util.Map<String, Integer> misses = new java.util.HashMap<>();
      for (String rate : RATES.split(",")) {
        for (Server server : List.copyOf(active)) {
          boolean saturated = step(server, Integer.parseInt(rate), SECONDS, true);
          int missed = saturated ? misses.getOrDefault(server.name(), 0) + 1 : 0;
          misses.put(server.name(), missed);
          if (missed >= 2) {
            active.remove(server); // two saturated steps in a row: its ceiling is found
          }
        }
      }
    } finally {
      System.out.println(
          "| server | offered (req/s) | achieved (req/s) | p50 (ms) | p99 (ms) | p99.9 (ms) | max"
              + " (ms) | errors | taken once | server alloc/req (KB) | GCs (total ms) | heap after"
              + " GC (MB) | RSS (MB) |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
      for (Server server : servers) {
        server.rows().forEach(System.out::println);
        server.stop();
      }
    }
  }

  private static Server start(String name) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(CHILD_JVM.split(" ")));
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("bench."))
        .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), IngestServer.class.getName(), name));
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    var control = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
    var answers =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    int port = Integer.parseInt(answers.readLine().substring("PORT ".length()));
    return new Server(name, child, control, answers, new OpenLoopLoad(port), new ArrayList<>());
  }

  /**
   * Sends {@code rate × seconds} signed mentions to {@code server}; keeps a row (not for the
   * warm-up); true when saturated.
   */
  private static boolean step(Server server, int rate, int seconds, boolean keep) throws Exception {
    int n = rate * seconds;
    List<OpenLoopLoad.Signed> requests = new ArrayList<>(n);
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    SlackSignature.Generator signer = new SlackSignature.Generator(IngestServer.SECRET);
    String run = Long.toString(System.nanoTime(), 36);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      boolean retry = i % 50 == 49;
      int event = retry ? i - 1 : i;
      distinct += retry ? 0 : 1;
      String body =
          SignedRequests.mention(
              "Ev" + run + "x" + event,
              "U1",
              "C1",
              "1700000000." + event,
              null,
              "<@UBOT> why is checkout failing in staging?");
      MultiMap headers =
          MultiMap.caseInsensitiveMultiMap()
              .add("Content-Type", "application/json")
              .add("X-Slack-Request-Timestamp", ts)
              .add("X-Slack-Signature", signer.generate(ts, body));
      if (retry) {
        headers.add("X-Slack-Retry-Num", "1").add("X-Slack-Retry-Reason", "http_timeout");
      }
      requests.add(new OpenLoopLoad.Signed(headers, Buffer.buffer(body)));
    }
    server.control().println("mark");
    server.answers().readLine();
    OpenLoopLoad.Result r = server.load().run(requests, rate);
    server.control().println("stats");
    String[] s = server.answers().readLine().split(" ");
    long taken = Long.parseLong(s[1]);
    long[] l = r.latencies();
    double p50 = l[n / 2] / 1e6;
    double p99 = l[(int) (n * 0.99)] / 1e6;
    double p999 = l[(int) (n * 0.999)] / 1e6;
    double max = l[n - 1] / 1e6;
    double achieved = (n - r.errors()) / (r.elapsedNanos() / 1e9);
    if (keep) {
      server
          .rows()
          .add(
              String.format(
                  "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.1f | %d | %s | %.1f | %s (%s) | %s | %s |",
                  server.name(),
                  rate,
                  achieved,
                  p50,
                  p99,
                  p999,
                  max,
                  r.errors(),
                  taken == distinct ? "yes" : taken + " of " + distinct,
                  Long.parseLong(s[2]) / 1024.0 / n,
                  s[3],
                  s[4],
                  s[5],
                  s[6]));
    }
    if (r.firstError() != null) {
      System.err.println(server.name() + " at " + rate + " req/s, first error: " + r.firstError());
    }
    return p99 > 1000 || r.errors() > n / 100 || achieved < rate * 0.9;
  }

  private SlackIngestBenchmark() {}
}
