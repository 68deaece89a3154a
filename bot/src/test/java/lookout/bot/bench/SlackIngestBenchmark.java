package lookout.bot.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppMentionEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.Inbound;
import lookout.adapters.slack.ClickNotices;
import lookout.adapters.slack.FakeSlackApi;
import lookout.adapters.slack.SignedRequests;
import lookout.adapters.slack.SlackRequestVerifier;
import lookout.adapters.slack.SlackRoutes;
import lookout.bot.db.Database;
import lookout.bot.db.DeliveryDedupe;

/**
 * Lookout's Slack ingest path (verify the signature over the raw body, parse, dedupe the event id
 * in SQLite, enqueue, ack) against a minimal Slack Bolt for Java app doing the same work (Bolt
 * verifies and parses; its handler dedupes and enqueues in the same way), over loopback HTTP, on
 * the same stream of signed {@code app_mention} events at increasing open-loop rates, in one run.
 * Latency is measured from each request's scheduled send time, so queueing counts. Not a unit test:
 * run {@code ./mvnw -q -pl bot -am test-compile} and then this main on the bot's test classpath
 * (see docs/benchmarks.md).
 */
public final class SlackIngestBenchmark {
  static final String SECRET = "bench-signing-secret-0123456789";
  static final int SECONDS = Integer.getInteger("bench.seconds", 3);
  static final java.util.concurrent.atomic.AtomicReference<String> FIRST_ERROR =
      new java.util.concurrent.atomic.AtomicReference<>();
  static final int[] RATES = {500, 1000, 2000, 4000, 8000};

  /**
   * The same dedupe + enqueue for both sides: the bot's {@link DeliveryDedupe} on a fresh SQLite
   * file ({@code -Dbench.dedupe=sqlite}, the default: what production does) or an in-memory set
   * ({@code memory}: isolates the HTTP + verify + parse path from the database).
   */
  static final class Ingest {
    static final boolean SQLITE = !"memory".equals(System.getProperty("bench.dedupe"));
    final DeliveryDedupe dedupe;
    final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();

    Ingest(String name) throws Exception {
      var dir = Files.createTempDirectory("slack-bench-" + name);
      dedupe =
          SQLITE
              ? new DeliveryDedupe(Database.open(null, dir).dataSource(), Clock.systemUTC())
              : null;
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                while (true) {
                  try {
                    queue.take();
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
    }

    void take(String eventId) {
      boolean first = SQLITE ? dedupe.firstTime("slack", eventId) : seen.add(eventId);
      if (first) {
        queue.add(eventId);
      }
    }
  }

  interface Side extends AutoCloseable {
    String name();

    int port();

    @Override
    void close();
  }

  public static void main(String[] args) throws Exception {
    try (FakeSlackApi api = new FakeSlackApi()) {
      System.out.println(
          "| server | offered (req/s) | achieved (req/s) | p50 (ms) | p99 (ms) | errors |"
              + " alloc/req (KB) | heap after GC (MB) |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      run(lookout());
      run(bolt(api));
    }
  }

  private static void run(Side side) throws Exception {
    try (side) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .build();
      // Warm-up, not printed: ~10,000 requests so both servers run JIT-compiled code when measured.
      step(side, http, 2000, 5, false);
      for (int rate : RATES) {
        boolean saturated = step(side, http, rate, SECONDS, true);
        if (saturated) {
          break;
        }
      }
    }
  }

  /** Sends {@code rate × seconds} signed mentions open-loop; prints a row; true when saturated. */
  private static boolean step(Side side, HttpClient http, int rate, int seconds, boolean print)
      throws Exception {
    int n = rate * seconds;
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    SlackSignature.Generator signer = new SlackSignature.Generator(SECRET);
    URI uri = URI.create("http://127.0.0.1:" + side.port() + "/slack/events");
    List<HttpRequest> requests = new ArrayList<>(n);
    String run = Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < n; i++) {
      String body =
          SignedRequests.mention(
              "Ev" + run + "x" + i,
              "U1",
              "C1",
              "1700000000." + i,
              null,
              "<@UBOT> why is checkout failing in staging?");
      requests.add(
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/json")
              .header("X-Slack-Request-Timestamp", ts)
              .header("X-Slack-Signature", signer.generate(ts, body))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build());
    }
    long[] latency = new long[n];
    AtomicLong errors = new AtomicLong();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocBefore = threads.getTotalThreadAllocatedBytes();
    long interval = 1_000_000_000L / rate;
    java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(256);
    long start = System.nanoTime();
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        int k = i;
        // At most 256 requests in flight (connections); waiting for a slot counts as latency.
        inFlight.acquire();
        senders.execute(
            () -> {
              try {
                HttpResponse<Void> r =
                    http.send(requests.get(k), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                  errors.incrementAndGet();
                  FIRST_ERROR.compareAndSet(null, "HTTP " + r.statusCode());
                }
              } catch (Exception e) {
                errors.incrementAndGet();
                FIRST_ERROR.compareAndSet(null, e.toString());
              }
              latency[k] = System.nanoTime() - due;
              inFlight.release();
            });
      }
    }
    long elapsed = System.nanoTime() - start;
    long alloc = threads.getTotalThreadAllocatedBytes() - allocBefore;
    Arrays.sort(latency);
    double p50 = latency[n / 2] / 1e6;
    double p99 = latency[(int) (n * 0.99)] / 1e6;
    double achieved = (n - errors.get()) / (elapsed / 1e9);
    if (print) {
      System.gc();
      var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
      System.out.printf(
          "| %s | %d | %.0f | %.2f | %.2f | %d | %.1f | %d |%n",
          side.name(), rate, achieved, p50, p99, errors.get(), alloc / 1024.0 / n, heap);
    }
    if (FIRST_ERROR.get() != null) {
      System.err.println("first error: " + FIRST_ERROR.getAndSet(null));
    }
    return p99 > 1000 || errors.get() > n / 100;
  }

  private static Side lookout() throws Exception {
    Vertx vertx = Vertx.vertx();
    Ingest ingest = new Ingest("lookout");
    ChatHandler handler =
        new ChatHandler() {
          @Override
          public void onMessage(Inbound inbound) {
            ingest.take(inbound.eventId());
          }

          @Override
          public ClickReply onClick(Click click) {
            return null;
          }
        };
    Router router = Router.router(vertx);
    new SlackRoutes(
            new SlackRequestVerifier(SECRET, Clock.systemUTC()),
            handler,
            ClickNotices.none(),
            Executors.newVirtualThreadPerTaskExecutor())
        .mount(router);
    HttpServer server =
        vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    return new Side() {
      public String name() {
        return "Lookout (Vert.x + SlackRoutes)";
      }

      public int port() {
        return server.actualPort();
      }

      public void close() {
        vertx.close().await();
      }
    };
  }

  private static Side bolt(FakeSlackApi api) throws Exception {
    Ingest ingest = new Ingest("bolt");
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(api.url());
    App app =
        new App(
            AppConfig.builder()
                .signingSecret(SECRET)
                .singleTeamBotToken("xoxb-bench-0000-0000")
                .slack(Slack.getInstance(config))
                .build());
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          ingest.take(payload.getEventId());
          return ctx.ack();
        });
    BoltHttpServer server = new BoltHttpServer(app);
    return new Side() {
      public String name() {
        return "Bolt for Java 1.48 (JDK HttpServer)";
      }

      public int port() {
        return server.port();
      }

      public void close() {
        server.close();
      }
    };
  }

  private SlackIngestBenchmark() {}
}
