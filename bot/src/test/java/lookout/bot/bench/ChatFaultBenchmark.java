package lookout.bot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.outbox.Outbox;
import lookout.adapters.outbox.OutboxPolicy;
import lookout.adapters.outbox.TestOutbox;
import lookout.adapters.slack.FakeSlackApi;
import lookout.adapters.slack.SlackAdapter;

/**
 * The outbox and the real Slack client through a storm of Slack API faults: while posts and card
 * edits are delivered, bursts of 429 (Retry-After 1 s), 500, 503 and "accepted, then the reply was
 * lost" (503 after the post was stored) answer the calls. Counts what Slack ended up holding: every
 * post exactly once (0 lost, 0 duplicate) and every card showing its newest edit. Run: {@code
 * ./mvnw -pl bot -am -Pbench-faults verify} (prints a Markdown row for docs/benchmarks.md); options
 * {@code -Dbench.posts} (default 200), {@code -Dbench.channels} (40), {@code -Dbench.faultSeconds}
 * (10).
 */
public final class ChatFaultBenchmark {
  public static void main(String[] args) throws Exception {
    int posts = Integer.getInteger("bench.posts", 200);
    int channels = Integer.getInteger("bench.channels", 40);
    int faultSeconds = Integer.getInteger("bench.faultSeconds", 10);
    Path dir = Files.createTempDirectory("lookout-fault-bench");
    OutboxPolicy policy =
        new OutboxPolicy(
            Duration.ofSeconds(30),
            Duration.ofMillis(200),
            Duration.ofSeconds(5),
            100,
            Duration.ofMillis(50),
            Duration.ofDays(1));
    Map<String, Integer> injected = new HashMap<>();
    try (FakeSlackApi api = new FakeSlackApi();
        SlackAdapter slack = new SlackAdapter("xoxb-bench", api.url());
        Outbox outbox = new Outbox(TestOutbox.sqlite(dir), Clock.systemUTC(), policy)) {
      ChatAdapter queued = outbox.wrap(slack);
      outbox.start();
      long start = System.nanoTime();
      Thread storm = Thread.ofVirtual().start(() -> inject(api, faultSeconds, injected));
      List<MessageRef> cards = new ArrayList<>();
      for (int i = 0; i < posts; i++) {
        ConversationRef where = new ConversationRef("slack", "C" + (i % channels), null);
        MessageRef ref = queued.post(where, Message.text("post-" + i));
        if (i % 5 == 0) {
          queued.update(ref, Message.text("post-" + i + " v1"), 1);
          queued.update(ref, Message.text("post-" + i + " v2"), 2);
          cards.add(ref);
        }
      }
      storm.join();
      for (int c = 0; c < channels; c++) {
        while (outbox.waiting("slack", "C" + c) > 0) {
          outbox.awaitProgress(200);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;

      Map<String, Integer> seen = new HashMap<>();
      api.posted().forEach(p -> seen.merge(p.text(), 1, Integer::sum));
      int lost = 0;
      int duplicates = 0;
      for (int i = 0; i < posts; i++) {
        int n = seen.getOrDefault("post-" + i, 0);
        lost += n == 0 ? 1 : 0;
        duplicates += Math.max(0, n - 1);
      }
      Map<String, String> lastEdit = new HashMap<>();
      api.all().stream()
          .filter(c -> c.method().equals("chat.update") && c.answeredTs() != null)
          .forEach(c -> lastEdit.put(c.field("ts"), c.field("text")));
      long newest = lastEdit.values().stream().filter(t -> t.endsWith(" v2")).count();
      System.out.printf(
          "| %d posts + %d cards × 2 edits, %d channels | 429: %d, 500: %d, 503: %d, accepted"
              + " then 503: %d over %d s | %d | %d | %d of %d | %d | %.1f |%n",
          posts,
          cards.size(),
          channels,
          injected.getOrDefault("429", 0),
          injected.getOrDefault("500", 0),
          injected.getOrDefault("503", 0),
          injected.getOrDefault("lost", 0),
          faultSeconds,
          lost,
          duplicates,
          newest,
          cards.size(),
          api.all().size(),
          seconds);
      if (lost > 0 || duplicates > 0 || newest != cards.size()) {
        System.exit(1);
      }
    }
  }

  /** Every 250 ms for {@code seconds}: a burst of 1-4 faults of a random kind. */
  private static void inject(FakeSlackApi api, int seconds, Map<String, Integer> injected) {
    Random random = new Random(18);
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < end) {
      int burst = 1 + random.nextInt(4);
      for (int i = 0; i < burst; i++) {
        String kind = List.of("429", "500", "503", "lost").get(random.nextInt(4));
        switch (kind) {
          case "429" -> api.rateLimitNext(1);
          case "500" -> api.failNext(500);
          case "503" -> api.failNext(503);
          default -> api.acceptThenFailNext(503);
        }
        synchronized (injected) {
          injected.merge(kind, 1, Integer::sum);
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
