package lookout.bot.alerts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.Message;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.bot.db.Database;
import lookout.knowledge.SearchResult;

/**
 * Alerts over a real SQLite database and recording chat platforms, with a scripted agent: what the
 * unit tests, the replica test and the storm benchmark drive. One harness = one Lookout replica.
 */
public final class AlertsHarness implements AutoCloseable {
  public final Map<String, RecordingChat> chats = new LinkedHashMap<>();
  public final AtomicInteger questions = new AtomicInteger();
  public final AlertsSetup alerts;
  public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private final Database db;

  public AlertsHarness(Path dataDir, AlertsSettings settings, Map<String, RecordingChat> chats)
      throws Exception {
    this.chats.putAll(chats);
    this.db = Database.open(null, dataDir);
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
                Map.<String, ChatAdapter>copyOf(chats),
                agent,
                r -> new SearchResult(List.of(), "bm25", List.of()),
                incident -> {},
                a -> Message.text(a.summary()),
                work,
                null,
                meters));
  }

  public static AlertsSettings settings(
      List<AlertRouter.Rule> routes,
      List<Destination> defaults,
      Map<String, Double> rates,
      int stormBacklog,
      int budget) {
    return new AlertsSettings(
        true,
        Optional.of("harness-token-0123456789"),
        Optional.empty(),
        Optional.empty(),
        routes,
        defaults,
        budget,
        rates,
        stormBacklog);
  }

  /** Waits until every lane is empty (at most {@code seconds}). */
  public boolean drain(int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    int quiet = 0;
    while (System.nanoTime() < deadline) {
      quiet = alerts.lanes().idle() ? quiet + 1 : 0;
      if (quiet >= 5) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Override
  public void close() {
    alerts.close();
    work.shutdownNow();
    db.close();
  }
}
