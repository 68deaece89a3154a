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
 * increasing open-loop rates. Each server runs in its own JVM ({@link IngestServer}); the load
 * generator ({@link OpenLoopLoad}) runs here. Each step also checks that every distinct event
 * reached the server's queue exactly once. Not a unit test: see docs/benchmarks.md for the command.
 */
public final class SlackIngestBenchmark {
  static final int SECONDS = Integer.getInteger("bench.seconds", 3);
  static final String SERVERS =
      System.getProperty("bench.servers", "lookout,lookout-direct,bolt-vertx,bolt-jdk");
  static final String RATES =
      System.getProperty("bench.rates", "500,1000,2000,4000,8000,12000,16000,24000");
  static final String CHILD_JVM =
      System.getProperty("bench.jvm", "-Xms256m -Xmx256m --enable-native-access=ALL-UNNAMED");

  public static void main(String[] args) throws Exception {
    System.out.println(
        "| server | offered (req/s) | achieved (req/s) | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms)"
            + " | errors | taken once | server alloc/req (KB) | GCs (total ms) | heap after GC (MB)"
            + " | RSS (MB) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (String server : SERVERS.split(",")) {
      run(server);
    }
  }

  private static void run(String server) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(CHILD_JVM.split(" ")));
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("bench."))
        .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), IngestServer.class.getName(), server));
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (var out = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
        var in =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      int port = Integer.parseInt(in.readLine().substring("PORT ".length()));
      try (OpenLoopLoad load = new OpenLoopLoad(port)) {
        // Warm-up, not printed: ~10,000 requests so the server runs JIT-compiled code.
        step(server, load, out, in, 2000, 5, false);
        for (String rate : RATES.split(",")) {
          if (step(server, load, out, in, Integer.parseInt(rate), SECONDS, true)) {
            break;
          }
        }
      }
    } finally {
      child.destroy();
      child.waitFor();
    }
  }

  /** Sends {@code rate × seconds} signed mentions; prints a row; true when saturated. */
  private static boolean step(
      String server,
      OpenLoopLoad load,
      PrintStream control,
      BufferedReader answers,
      int rate,
      int seconds,
      boolean print)
      throws Exception {
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
    control.println("mark");
    answers.readLine();
    OpenLoopLoad.Result r = load.run(requests, rate);
    control.println("stats");
    String[] s = answers.readLine().split(" ");
    long taken = Long.parseLong(s[1]);
    long[] l = r.latencies();
    double p50 = l[n / 2] / 1e6;
    double p99 = l[(int) (n * 0.99)] / 1e6;
    double p999 = l[(int) (n * 0.999)] / 1e6;
    double max = l[n - 1] / 1e6;
    double achieved = (n - r.errors()) / (r.elapsedNanos() / 1e9);
    if (print) {
      System.out.printf(
          "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.1f | %d | %s | %.1f | %s (%s) | %s | %s |%n",
          server,
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
          s[6]);
    }
    if (r.firstError() != null) {
      System.err.println(server + " at " + rate + " req/s, first error: " + r.firstError());
    }
    return p99 > 1000 || r.errors() > n / 100 || achieved < rate * 0.9;
  }

  private SlackIngestBenchmark() {}
}
