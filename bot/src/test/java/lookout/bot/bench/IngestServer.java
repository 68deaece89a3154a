package lookout.bot.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppMentionEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.Inbound;
import lookout.adapters.slack.ClickNotices;
import lookout.adapters.slack.FakeSlackApi;
import lookout.adapters.slack.SlackRequestVerifier;
import lookout.adapters.slack.SlackRoutes;
import lookout.bot.db.Database;
import lookout.bot.db.DeliveryDedupe;

/**
 * One server of {@link SlackIngestBenchmark}, in its own JVM so neither server's heap, JIT or GC
 * touches the other's or the load generator's. {@code IngestServer
 * lookout|lookout-hop|bolt-jdk|bolt-vertx} prints {@code PORT <n>}, then answers commands on stdin:
 * {@code mark} (start counting), {@code stats} (one line: events taken once, allocation, GC, heap,
 * RSS); EOF ends it.
 *
 * <p>Both kinds of server do the same dedupe + enqueue (the bot's {@link DeliveryDedupe}
 * write-behind claim on a fresh SQLite file, or with {@code -Dbench.dedupe=memory} a concurrent
 * set), and count what reached the queue, so the parent can check that every event was taken
 * exactly once.
 */
public final class IngestServer {
  static final String SECRET = "bench-signing-secret-0123456789";

  private final AtomicLong taken = new AtomicLong();
  private final DeliveryDedupe dedupe;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  private IngestServer() throws Exception {
    Path dir = Files.createTempDirectory("slack-bench");
    dedupe =
        "memory".equals(System.getProperty("bench.dedupe"))
            ? null
            : new DeliveryDedupe(Database.open(null, dir).dataSource(), Clock.systemUTC());
  }

  void take(String eventId) {
    if (dedupe != null) {
      dedupe.claim("slack", eventId, taken::incrementAndGet);
    } else if (seen.add(eventId)) {
      taken.incrementAndGet();
    }
  }

  public static void main(String[] args) throws Exception {
    IngestServer ingest = new IngestServer();
    int port =
        switch (args[0]) {
          case "lookout" -> ingest.lookout(true);
          // The same routes with a handler that never takes on the event loop: every event hops
          // to a virtual thread and back, what production does only while the database lags.
          case "lookout-hop" -> ingest.lookout(false);
          case "bolt-jdk" -> new BoltHttpServer(ingest.bolt()).port();
          case "bolt-vertx" -> BoltVertxHost.start(Vertx.vertx(), ingest.bolt());
          default -> throw new IllegalArgumentException("unknown server " + args[0]);
        };
    System.out.println("PORT " + port);
    System.out.flush();
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    long allocAtMark = 0;
    long gcCountAtMark = 0;
    long gcMillisAtMark = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.equals("mark")) {
        ingest.taken.set(0);
        allocAtMark = allocated();
        gcCountAtMark = gc(true);
        gcMillisAtMark = gc(false);
        System.out.println("OK");
      } else if (line.equals("stats")) {
        long before = -1;
        while (before != ingest.taken.get()) {
          before = ingest.taken.get();
          Thread.sleep(300); // let the dedupe writer finish what is queued
        }
        long alloc = allocated() - allocAtMark;
        long gcs = gc(true) - gcCountAtMark;
        long gcMillis = gc(false) - gcMillisAtMark;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        System.out.printf(
            "STATS %d %d %d %d %d %d%n", ingest.taken.get(), alloc, gcs, gcMillis, heap, rssMb());
      }
      System.out.flush();
    }
    System.exit(0);
  }

  /** Like Conversations: {@code offer} claims without waiting, {@code onMessage} may wait. */
  boolean offer(String eventId) {
    if (dedupe != null) {
      return dedupe.tryClaim("slack", eventId, taken::incrementAndGet);
    }
    if (seen.add(eventId)) {
      taken.incrementAndGet();
    }
    return true;
  }

  private int lookout(boolean offers) {
    Vertx vertx = Vertx.vertx();
    ChatHandler handler =
        new ChatHandler() {
          @Override
          public void onMessage(Inbound inbound) {
            take(inbound.eventId());
          }

          @Override
          public boolean offer(Inbound inbound) {
            return offers && IngestServer.this.offer(inbound.eventId());
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
    return server.actualPort();
  }

  /** The minimal Bolt app: one {@code app_mention} handler doing the same dedupe + enqueue. */
  private App bolt() throws Exception {
    FakeSlackApi api = new FakeSlackApi(); // answers the auth.test Bolt makes once
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
          take(payload.getEventId());
          return ctx.ack();
        });
    return app;
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getTotalThreadAllocatedBytes();
  }

  private static long gc(boolean count) {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, count ? gc.getCollectionCount() : gc.getCollectionTime());
    }
    return sum;
  }

  private static long rssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
      }
    }
    return -1;
  }
}
