package lookout.bot.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.Inbound;
import lookout.adapters.wecom.FakeWecomApi;
import lookout.adapters.wecom.WecomAdapter;
import lookout.adapters.wecom.WecomCallbacks;
import lookout.adapters.wecom.WecomCrypto;
import lookout.adapters.wecom.WecomRoutes;
import lookout.bot.db.Database;
import lookout.bot.db.DeliveryDedupe;

/**
 * WeCom's callback path: (1) in process, verify + decrypt one app callback ({@link
 * WecomCrypto#open}); (2) over loopback HTTP, encrypted app text callbacks into Vert.x + {@link
 * WecomRoutes} with the bot's {@link DeliveryDedupe} on a fresh SQLite file as the handler (what
 * production does before queueing), from 32 concurrent senders, each request a fresh MsgId. Not a
 * unit test: see docs/benchmarks.md for how to run it.
 */
public final class WecomCallbackBenchmark {
  static final int SECONDS = Integer.getInteger("bench.seconds", 5);
  static final int SENDERS = Integer.getInteger("bench.senders", 32);
  // -Dbench.dedupe=memory isolates the HTTP + crypto path from SQLite; sqlite (default) is
  // production.
  static final boolean MEMORY = "memory".equals(System.getProperty("bench.dedupe", "sqlite"));

  public static void main(String[] args) throws Exception {
    crypto();
    http();
  }

  private static void crypto() {
    WecomCrypto crypto =
        new WecomCrypto(
            WecomCallbacks.APP_TOKEN,
            WecomCallbacks.APP_AES_KEY,
            FakeWecomApi.CORP_ID,
            Clock.systemUTC());
    String xml = WecomCallbacks.appText("zhangsan", "1", "why is checkout failing in staging?");
    WecomCallbacks.Signed s = WecomCallbacks.seal(crypto, xml);
    long sink = 0;
    for (int i = 0; i < 200_000; i++) {
      sink += crypto.open(s.signature(), s.timestamp(), s.nonce(), s.encrypt()).length();
    }
    int n = 500_000;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sink += crypto.open(s.signature(), s.timestamp(), s.nonce(), s.encrypt()).length();
    }
    double us = (System.nanoTime() - t0) / 1000.0 / n;
    System.out.printf(
        "verify+decrypt one app callback (%d bytes): %.2f µs/op (%.0f ops/s) [%d]%n",
        s.encrypt().length(), us, 1e6 / us, sink % 10);
  }

  private static void http() throws Exception {
    Path dir = Files.createTempDirectory("wecom-bench");
    try (Database db = Database.open(null, dir);
        DeliveryDedupe dedupe = new DeliveryDedupe(db.dataSource(), Clock.systemUTC());
        FakeWecomApi api = new FakeWecomApi()) {
      AtomicLong taken = new AtomicLong();
      java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
      ChatHandler handler =
          new ChatHandler() {
            @Override
            public void onMessage(Inbound in) {
              if (MEMORY ? seen.add(in.eventId()) : dedupe.firstTime("wecom", in.eventId())) {
                taken.incrementAndGet();
              }
            }

            @Override
            public ClickReply onClick(Click click) {
              return ClickReply.accepted("ok");
            }
          };
      Vertx vertx = Vertx.vertx();
      ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
      Router router = Router.router(vertx);
      WecomAdapter adapter =
          new WecomAdapter(api.url(), Optional.empty(), Map.of(), Clock.systemUTC());
      new WecomRoutes(
              new WecomCrypto(
                  WecomCallbacks.APP_TOKEN,
                  WecomCallbacks.APP_AES_KEY,
                  FakeWecomApi.CORP_ID,
                  Clock.systemUTC()),
              null,
              handler,
              adapter,
              blocking)
          .mount(router);
      HttpServer server =
          vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
      WecomCallbacks wecom = new WecomCallbacks(server.actualPort(), FakeWecomApi.CORP_ID);
      run(wecom, Integer.getInteger("bench.warmup", 20), false);
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      var os =
          (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long requests = run(wecom, SECONDS, true, latencies);
      double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / requests;
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      System.out.printf(
          "HTTP app callbacks, dedupe "
              + (MEMORY ? "memory" : "sqlite")
              + ", "
              + SENDERS
              + " senders, %d s: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, process CPU %.2f ms/request (senders included), taken %d%n",
          SECONDS,
          requests,
          requests / (double) SECONDS,
          sorted.get(sorted.size() / 2) / 1e6,
          sorted.get((int) (sorted.size() * 0.99)) / 1e6,
          cpuMs,
          taken.get());
      server.close().await();
      vertx.close().await();
      blocking.shutdown();
    }
  }

  private static long run(WecomCallbacks wecom, int seconds, boolean measure) throws Exception {
    return run(wecom, seconds, measure, Collections.synchronizedList(new ArrayList<>()));
  }

  private static final AtomicLong IDS = new AtomicLong();

  private static long run(WecomCallbacks wecom, int seconds, boolean measure, List<Long> lat)
      throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong done = new AtomicLong();
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < SENDERS; t++) {
        senders.execute(
            () -> {
              while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                try {
                  var r =
                      wecom.toApp(
                          WecomCallbacks.appText(
                              "u" + (t0 % 97),
                              String.valueOf(IDS.incrementAndGet()),
                              "why is checkout failing?"));
                  if (r.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.body());
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                if (measure) {
                  lat.add(System.nanoTime() - t0);
                }
                done.incrementAndGet();
              }
            });
      }
    }
    return done.get();
  }

  private WecomCallbackBenchmark() {}
}
