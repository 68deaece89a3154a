package lookout.bot.wiring;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.capacity.CapacityAnswers;
import lookout.agent.capacity.CapacityChecks;
import lookout.agent.capacity.Forecasts;
import lookout.agent.capacity.UsageReader;
import lookout.agent.chain.AgentBuilder;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.inspect.CheckupAgent;
import lookout.agent.inspect.Inspector;
import lookout.agent.inspect.ReportWriter;
import lookout.agent.llm.ModelReportWriter;
import lookout.agent.llm.Models;
import lookout.agent.metrics.MetricsSource;
import lookout.bot.config.ConfigException;
import lookout.bot.config.LookoutConfig;
import lookout.bot.conversation.Conversations;
import lookout.bot.inspect.InspectionScheduler;
import lookout.bot.inspect.InspectionSettings;
import lookout.bot.inspect.InspectionStore;

/**
 * Check-ups wired in: every agent answers "inspect …" through {@link CheckupAgent}, and the {@code
 * inspections:} schedules post reports once Lookout serves.
 */
final class InspectionSetup implements AutoCloseable {
  /** How often schedules are looked at: a report is at most this late. */
  static final Duration TICK = Duration.ofSeconds(20);

  private final LookoutConfig config;
  private final InspectionStore store;
  private final Map<String, CheckupAgent.Checkups> checkups = new LinkedHashMap<>();
  private final ReportWriter writer;
  private InspectionScheduler scheduler;

  InspectionSetup(LookoutConfig config, Map<String, KubernetesClient> clients, DataSource db) {
    this.config = config;
    this.store = new InspectionStore(db);
    this.writer =
        config.llm().enabled()
            ? new ModelReportWriter(Models.openAiCompatible(config.llm().options().orElseThrow()))
            : ReportWriter.NONE;
    Clock clock = Clock.systemUTC();
    clients.forEach(
        (name, client) -> {
          ClusterReader reader = new ClusterReader(client);
          MetricsSource metrics = LlmSetup.metricsFor(config, name, client);
          CapacityChecks usage = null;
          CapacityAnswers capacity = null;
          if (metrics != null) {
            UsageReader usageReader = new UsageReader(reader, metrics, clock);
            Forecasts forecasts = new Forecasts(metrics, clock);
            usage = new CapacityChecks(usageReader, forecasts, clock);
            capacity =
                new CapacityAnswers(name, usageReader, forecasts, ZoneId.systemDefault(), clock);
          }
          Inspector inspector = new Inspector(name, reader, Analyzers.all(), usage, clock);
          checkups.put(name, new CheckupAgent.Checkups(reader, inspector, capacity));
        });
  }

  /**
   * Check-up and capacity requests answered first by the agent being built; their evidence (log
   * lines, events) is redacted with every other answer, once, by the chain.
   */
  void configure(AgentBuilder agents) {
    agents.checkups(checkups, store, writer);
  }

  /**
   * Checks that every schedule posts to a wired platform and prepares the scheduler.
   *
   * @throws ConfigException naming the schedule whose platform is not enabled
   */
  void schedule(Conversations conversations) {
    List<InspectionSettings> all = config.inspections();
    for (int i = 0; i < all.size(); i++) {
      if (!conversations.hasPlatform(all.get(i).platform())) {
        throw new ConfigException(
            config.source(),
            List.of(
                "inspections["
                    + i
                    + "].post: platform '"
                    + all.get(i).platform()
                    + "' is not enabled (console is always on; enable slack, feishu or wecom)"));
      }
    }
    Map<String, Inspector> inspectors = new LinkedHashMap<>();
    checkups.forEach((name, c) -> inspectors.put(name, c.inspector()));
    scheduler =
        new InspectionScheduler(
            all,
            inspectors,
            config.defaultCluster(),
            store,
            writer,
            conversations::postAnswer,
            Clock.systemUTC());
  }

  /** Starts posting scheduled reports (serve only). */
  void start() {
    if (scheduler != null) {
      scheduler.start(TICK);
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.close();
    }
  }
}
