package lookout.bot.alerts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.Message;
import lookout.adapters.outbox.Outbox;
import lookout.adapters.outbox.OutboxPolicy;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.bot.db.Database;
import lookout.knowledge.SearchResult;
import lookout.testing.Eventually;

/**
 * Alerts over a real SQLite database and recording chat platforms, with a scripted agent: what the
 * unit tests, the replica test and the storm benchmark drive. One harness = one Lookout replica. As
 * in Lookout, every platform but the console posts through a real outbox on the same database,
 * which paces it by the limits the platform declares.
 */
public final class AlertsHarness implements AutoCloseable {
  public final Map<String, RecordingChat> chats = new LinkedHashMap<>();
  public final AtomicInteger questions = new AtomicInteger();
  public final AlertsSetup alerts;
  public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  // Wakes are immediate (a post wakes the worker); the poll only matters for paced rows.
  private static final OutboxPolicy POLICY =
      new OutboxPolicy(
          Duration.ofMinutes(2),
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          12,
          Duration.ofMillis(50),
          Duration.ofDays(1));

  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private final Database db;
  private final Outbox outbox;

  public AlertsHarness(Path dataDir, AlertsSettings settings, Map<String, RecordingChat> chats)
      throws Exception {
    this.chats.putAll(chats);
    this.db = Database.open(null, dataDir);
    this.outbox = new Outbox(db.dataSource(), Clock.systemUTC(), POLICY);
    Map<String, ChatAdapter> adapters = new LinkedHashMap<>();
    chats.forEach(
        (platform, chat) ->
            adapters.put(platform, platform.equals("console") ? chat : outbox.wrap(chat)));
    outbox.start();
    Agent agent =
        q -> {
          questions.incrementAndGet();
          return new Answer(
              "checkout is in CrashLoopBackOff",
              List.of(new Answer.Section("Evidence", List.of("exit code 1, 7 restarts"), false)),
              List.of(),
              Optional.empty(),
              false);
        };
    this.alerts =
        AlertsSetup.open(
            settings,
            new AlertsSetup.Parts(
                db.dataSource(),
                adapters,
                agent,
                r -> new SearchResult(List.of(), "bm25", List.of()),
                incident -> {},
                a -> Message.text(a.summary()),
                work,
                null,
                meters,
                InFlight.of(
                    d -> outbox.waiting(d.platform(), d.channel()), outbox::awaitProgress)));
  }

  public static AlertsSettings settings(
      List<AlertRouter.Rule> routes, List<Destination> defaults, int stormBacklog, int budget) {
    return new AlertsSettings(
        true,
        Optional.of("harness-token-0123456789"),
        Optional.empty(),
        Optional.empty(),
        routes,
        defaults,
        budget,
        stormBacklog);
  }

  /**
   * Waits until every lane is empty and the outbox delivered what they handed over (at most {@code
   * seconds}), seen five times in a row so a hand-over in progress does not count as done.
   */
  public boolean drain(int seconds) throws InterruptedException {
    int[] quiet = {0};
    try {
      Eventually.until(
          "every lane to drain",
          Duration.ofSeconds(seconds),
          Duration.ofMillis(20),
          () -> (quiet[0] = alerts.lanes().idle() ? quiet[0] + 1 : 0) >= 5);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  @Override
  public void close() {
    alerts.close();
    outbox.close();
    work.shutdownNow();
    db.close();
  }
}
