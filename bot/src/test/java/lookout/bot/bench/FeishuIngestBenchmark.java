package lookout.bot.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.feishu.CardEcho;
import lookout.adapters.feishu.FeishuCrypto;
import lookout.adapters.feishu.FeishuDispatch;
import lookout.adapters.feishu.FeishuRequestVerifier;
import lookout.adapters.feishu.FeishuRoutes;
import lookout.adapters.feishu.SignedFeishuRequests;
import lookout.bot.db.Database;
import lookout.bot.db.DeliveryDedupe;

/**
 * Lookout's Feishu ingest path — verify {@code X-Lark-Signature} over the raw body, AES-decrypt,
 * check the verification token, parse through the SDK's dispatcher, dedupe the event id in SQLite
 * (the bot's {@link DeliveryDedupe}), enqueue, ack — over loopback HTTP at increasing open-loop
 * rates, with latency measured from each request's scheduled send time. Not a unit test: see
 * docs/benchmarks.md for the command.
 */
public final class FeishuIngestBenchmark {
  static final String KEY = "bench-encrypt-key-0123456789";
  static final String TOKEN = "bench-verification-token";
  static final int SECONDS = Integer.getInteger("bench.seconds", 3);
  static final int[] RATES = {500, 1000, 2000, 4000, 8000};
  static final AtomicReference<String> FIRST_ERROR = new AtomicReference<>();

  /** Dedupe in SQLite and enqueue, as the bot's Conversations.onMessage does before its work. */
  static final class Ingest implements ChatHandler {
    final DeliveryDedupe dedupe;
    final LinkedBlockingQueue<Inbound> queue = new LinkedBlockingQueue<>();

    Ingest() throws Exception {
      var dir = Files.createTempDirectory("feishu-bench");
      dedupe = new DeliveryDedupe(Database.open(null, dir).dataSource(), Clock.systemUTC());
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

    @Override
    public void onMessage(Inbound inbound) {
      if (dedupe.firstTime("feishu", inbound.eventId())) {
        queue.add(inbound);
      }
    }

    @Override
    public ClickReply onClick(Click click) {
      return ClickReply.refused("not in this benchmark");
    }
  }

  /** The benchmark posts nothing; edits go nowhere. */
  static final class Nowhere implements ChatAdapter {
    @Override
    public String platform() {
      return "feishu";
    }

    @Override
    public MessageRef post(ConversationRef where, Message message) {
      return new MessageRef(where, "om_none");
    }

    @Override
    public void update(MessageRef ref, Message message) {}
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    Router router = Router.router(vertx);
    FeishuCrypto crypto = new FeishuCrypto(KEY);
    new FeishuRoutes(
            new FeishuRequestVerifier(crypto, TOKEN, Clock.systemUTC()),
            new FeishuDispatch("ou_bot", new Ingest(), new CardEcho(new Nowhere()), blocking),
            blocking)
        .mount(router);
    HttpServer server =
        vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    System.out.println(
        "| offered (req/s) | achieved (req/s) | p50 (ms) | p99 (ms) | errors | alloc/req (KB) |");
    System.out.println("|---|---|---|---|---|---|");
    step(server.actualPort(), crypto, http, 2000, 5, false); // warm-up, not printed
    for (int rate : RATES) {
      if (step(server.actualPort(), crypto, http, rate, SECONDS, true)) {
        break;
      }
    }
    if (FIRST_ERROR.get() != null) {
      System.out.println("first error: " + FIRST_ERROR.get());
    }
    vertx.close().await();
    System.exit(0);
  }

  private static boolean step(
      int port, FeishuCrypto crypto, HttpClient http, int rate, int seconds, boolean print)
      throws Exception {
    int n = rate * seconds;
    SignedFeishuRequests events = new SignedFeishuRequests(port, KEY, TOKEN);
    URI uri = URI.create("http://127.0.0.1:" + port + "/feishu/events");
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    String run = Long.toString(System.nanoTime(), 36);
    List<HttpRequest> requests = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String plain =
          events.message(
              "ev" + run + "x" + i,
              "ou_carol",
              "oc_ops",
              "group",
              "om_" + run + i,
              "@_user_1 checkout 在 staging 为什么一直重启？",
              new String[] {"@_user_1", "ou_bot", "Lookout"});
      String body = "{\"encrypt\":\"" + crypto.encrypt(plain) + "\"}";
      String nonce = UUID.randomUUID().toString();
      requests.add(
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/json")
              .header("X-Lark-Request-Timestamp", ts)
              .header("X-Lark-Request-Nonce", nonce)
              .header(
                  "X-Lark-Signature", crypto.sign(ts, nonce, body.getBytes(StandardCharsets.UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build());
    }
    long[] latency = new long[n];
    AtomicLong errors = new AtomicLong();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocBefore = threads.getTotalThreadAllocatedBytes();
    long interval = 1_000_000_000L / rate;
    Semaphore inFlight = new Semaphore(256);
    long start = System.nanoTime();
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        int k = i;
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
      System.out.printf(
          "| %d | %.0f | %.2f | %.2f | %d | %.1f |%n",
          rate, achieved, p50, p99, errors.get(), alloc / 1024.0 / n);
    }
    return p99 > 1000 || errors.get() > n / 100;
  }
}
