package lookout.bot.wiring;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.outbox.Outbox;
import lookout.adapters.outbox.OutboxPolicy;
import lookout.agent.Agent;
import lookout.agent.actions.ActionRouter;
import lookout.agent.actions.KubernetesActionExecutor;
import lookout.agent.alertmanager.AlertmanagerClient;
import lookout.agent.alertmanager.SilenceExecutor;
import lookout.agent.chain.AgentBuilder;
import lookout.agent.loki.LokiClient;
import lookout.agent.loki.LokiLogs;
import lookout.agent.mcp.McpServers;
import lookout.agent.tools.AgentTools;
import lookout.approvals.Approvals;
import lookout.approvals.ButtonTokens;
import lookout.approvals.Policy;
import lookout.approvals.PolicyException;
import lookout.approvals.PolicyLoader;
import lookout.bot.config.ConfigException;
import lookout.bot.config.LookoutConfig;
import lookout.bot.conversation.Conversations;
import lookout.bot.db.Database;
import lookout.bot.db.DeliveryDedupe;
import lookout.bot.db.SigningKey;
import lookout.bot.ha.LeaderLease;
import lookout.bot.ha.Leadership;
import lookout.bot.http.Readiness;
import lookout.bot.mcp.McpServerSetup;
import lookout.bot.metrics.BotMetrics;
import lookout.bot.platforms.PlatformSetup;
import lookout.bot.platforms.Platforms;
import lookout.knowledge.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Lookout is made of, wired from one validated config: database, clusters, knowledge,
 * agent, approvals and the conversation path over the given chat adapters. Used by {@code serve}
 * (with the HTTP server around it) and by {@code ask}.
 */
public final class Lookout implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Lookout.class);
  private static final Duration MCP_FIRST_WAIT = Duration.ofSeconds(5);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private final BotMetrics metrics;
  private final Readiness readiness = new Readiness();
  private Conversations conversations;
  private Clusters clusters;
  private final List<PlatformSetup> platforms = new ArrayList<>();
  private lookout.bot.alerts.AlertsSetup alerts;
  private InspectionSetup inspections;
  private KnowledgeBase knowledge;
  private Leadership leadership;
  private javax.sql.DataSource database;
  private McpServerSetup mcpServer;
  // Completed once the server listens: heavy background work (the embedding model) waits for it.
  private final java.util.concurrent.CompletableFuture<Void> started =
      new java.util.concurrent.CompletableFuture<>();

  private Lookout(BotMetrics metrics) {
    this.metrics = metrics;
  }

  public static Lookout open(LookoutConfig config, ChatAdapter... adapters) throws Exception {
    return open(config, new BotMetrics(), adapters);
  }

  public static Lookout open(LookoutConfig config, BotMetrics metrics, ChatAdapter... adapters)
      throws Exception {
    Lookout lookout = new Lookout(metrics);
    try {
      lookout.wire(config, adapters);
      return lookout;
    } catch (Exception e) {
      lookout.close();
      throw e;
    }
  }

  private void wire(LookoutConfig config, ChatAdapter... adapters) throws Exception {
    Policy policy = loadPolicy(config);
    Startup startup = new Startup(work);
    var dbStarting = startup.start("database", () -> openDatabase(config));
    var clustersStarting = startup.start("clusters", () -> Clusters.open(config));
    var knowledgeStarting = startup.start("knowledge", () -> KnowledgeSetup.open(config, started));
    // Register each component for closing as soon as it exists, even if a sibling failed.
    clusters = Startup.await(clustersStarting);
    resources.add(clusters);
    knowledge = Startup.await(knowledgeStarting);
    resources.add(knowledge);
    Database db = Startup.await(dbStarting);
    resources.add(db);
    database = db.dataSource();
    leadership =
        Leadership.start(
            new LeaderLease(
                db.dataSource(),
                "timers",
                Leadership.thisProcess(),
                config.database().leaderLease(),
                Clock.systemUTC()),
            metrics.registry());
    resources.add(leadership);
    readiness.add("database", db::ping);
    readiness.add("cluster", clusters::reachable);
    readiness.add("knowledge", () -> sizeOf(knowledge) > 0);
    boolean sandbox =
        config.clusters().stream().anyMatch(c -> c.mode() == LookoutConfig.Cluster.Mode.SANDBOX);
    int incidents = KnowledgeSetup.indexIncidents(knowledge, db.dataSource(), sandbox);

    // MCP servers Lookout uses: connecting in the background, waiting a little so the first
    // question usually sees their tools; one that is down never stops Lookout from starting
    McpServers mcp = McpServers.start(config.mcpServers(), MCP_FIRST_WAIT);
    resources.add(mcp);
    Map<String, AlertmanagerClient> alertmanagers = new LinkedHashMap<>();
    config.alertmanagers().forEach((c, e) -> alertmanagers.put(c, new AlertmanagerClient(e)));
    Approvals approvals =
        new Approvals(
            db.dataSource(),
            policy,
            new ButtonTokens(
                SigningKey.loadOrCreate(config.approvals().signingKey(), config.dataDir())),
            // silences go to Alertmanager, MCP tool calls to their server, the rest to the cluster
            new ActionRouter(
                new KubernetesActionExecutor(
                    clusters.clients(),
                    Clock.systemUTC(),
                    config.approvals().impersonate()
                        ? Optional.of(policy::identityOf)
                        : Optional.empty()),
                mcp.executor(),
                new SilenceExecutor(alertmanagers, Clock.systemUTC())),
            Clock.systemUTC());
    // Loki of the default cluster: logs of pods the API server no longer has, and loki_query
    Optional<LokiClient> loki =
        Optional.ofNullable(config.loki().get(config.defaultCluster())).map(LokiClient::new);
    AgentBuilder agents =
        AgentBuilder.over(clusters.clients(), config.defaultCluster())
            .search(knowledge)
            .approvals(approvals)
            .informers()
            .logArchive(loki.map(l -> new LokiLogs(l, Clock.systemUTC())).orElse(null));
    AgentTools tools =
        LlmSetup.tools(config, clusters.clients().get(config.defaultCluster()), knowledge)
            .with(mcp.tools(config.defaultCluster()));
    loki.ifPresent(l -> tools.with(l, Clock.systemUTC()));
    LlmSetup.configure(agents, config, tools, metrics);
    inspections = new InspectionSetup(config, clusters.clients(), db.dataSource());
    resources.add(inspections);
    inspections.configure(agents);
    Agent agent = agents.build();

    Map<String, ChatAdapter> byPlatform = new LinkedHashMap<>();
    for (ChatAdapter adapter : adapters) {
      byPlatform.put(adapter.platform(), adapter);
    }
    // One outbox for every platform: each worker claims any platform's rows, so it must know all.
    Outbox outbox = new Outbox(db.dataSource(), Clock.systemUTC(), OutboxPolicy.defaults());
    platforms.addAll(Platforms.open(config, db.dataSource(), outbox));
    for (PlatformSetup p : platforms) {
      resources.add(p);
      byPlatform.put(p.adapter().platform(), p.adapter());
    }
    resources.add(outbox); // closed before the adapters it delivers through
    DeliveryDedupe dedupe = new DeliveryDedupe(db.dataSource(), Clock.systemUTC());
    resources.add(dedupe);
    conversations = new Conversations(byPlatform, agent, approvals, dedupe, metrics, work);
    if (config.mcpServer().enabled()) {
      mcpServer =
          new McpServerSetup(
              config.mcpServer(),
              new McpServerSetup.Parts(
                  agent,
                  new lookout.bot.conversation.AnswerMessages(approvals)::render,
                  tools,
                  approvals,
                  conversations,
                  work));
      resources.add(mcpServer);
    }
    if (config.alerts().enabled()) {
      alerts =
          lookout.bot.alerts.AlertsSetup.open(
              config.alerts(),
              new lookout.bot.alerts.AlertsSetup.Parts(
                  db.dataSource(),
                  byPlatform,
                  agent,
                  knowledge::search,
                  lookout.bot.alerts.AlertsSetup.indexer(knowledge),
                  new lookout.bot.conversation.AnswerMessages(approvals)::render,
                  work,
                  approvals,
                  metrics.registry(),
                  // Lanes hand over more only when the outbox delivered what they gave it.
                  lookout.bot.alerts.InFlight.of(
                      d -> outbox.waiting(d.platform(), d.channel()), outbox::awaitProgress)),
              new lookout.bot.alerts.AlertsSetup.Controls(
                  conversations,
                  approvals,
                  alertmanagers,
                  clusters.clients().keySet(),
                  config.defaultCluster()));
      resources.add(alerts);
    }
    if (!platforms.isEmpty()) {
      outbox.start();
    }
    inspections.schedule(conversations);
    // Requests a stopped process left APPROVED or EXECUTING; on a shared (PostgreSQL) database
    // only those stuck for minutes, so other replicas' running requests are left alone.
    Duration abandoned = db.shared() ? Duration.ofMinutes(5) : Duration.ZERO;
    work.execute(() -> conversations.recoverInterrupted(abandoned));
    log.info(
        "Lookout wired: clusters={} default={} db={} knowledge={} documents ({} incidents,"
            + " semantic {}) ({})",
        clusters.clients().keySet(),
        config.defaultCluster(),
        db.description(),
        sizeOf(knowledge),
        incidents,
        config.knowledge().semantic() ? "on, the model loads once Lookout serves" : "off",
        startup.summary());
  }

  /**
   * The approval policy named by the config, or the sandbox default; errors become config errors.
   */
  public static Policy loadPolicy(LookoutConfig config) {
    try {
      return config
          .approvals()
          .policyFile()
          .map(PolicyLoader::load)
          .orElseGet(Policy::sandboxDefault);
    } catch (PolicyException e) {
      throw new ConfigException(
          String.valueOf(config.approvals().policyFile().orElse(null)), List.of(e.getMessage()));
    }
  }

  /** The database the config names: {@code database.url}, or SQLite under {@code dataDir}. */
  public static Database openDatabase(LookoutConfig config) throws IOException {
    LookoutConfig.Database d = config.database();
    try {
      return Database.open(d.url().orElse(null), d.user(), d.password(), config.dataDir());
    } catch (SQLException e) {
      throw new IOException(
          "while opening the database in " + config.dataDir() + ": " + e.getMessage(), e);
    }
  }

  private static int sizeOf(KnowledgeBase index) {
    try {
      return index.size();
    } catch (IOException e) {
      return 0;
    }
  }

  public Conversations conversations() {
    return conversations;
  }

  /** The fabric8 client of a configured cluster (tests and tools read the cluster through it). */
  public io.fabric8.kubernetes.client.KubernetesClient cluster(String name) {
    var client = clusters.clients().get(name);
    if (client == null) {
      throw new IllegalArgumentException("no cluster named " + name);
    }
    return client;
  }

  /** Called once Lookout serves: background work that would slow start-up may begin. */
  public void markStarted() {
    started.complete(null);
    if (inspections != null) {
      inspections.start();
    }
  }

  /** The knowledge search (runbooks and incidents). */
  public KnowledgeBase knowledge() {
    return knowledge;
  }

  /** Lookout's own MCP endpoint, when {@code mcp.server.enabled}. */
  public java.util.Optional<McpServerSetup> mcpServer() {
    return java.util.Optional.ofNullable(mcpServer);
  }

  /** Alerts, when {@code alerts.enabled}. */
  public java.util.Optional<lookout.bot.alerts.AlertsSetup> alerts() {
    return java.util.Optional.ofNullable(alerts);
  }

  /** The enabled chat platforms (Slack, WeCom, Feishu), for {@code serve} to mount. */
  List<PlatformSetup> platforms() {
    return List.copyOf(platforms);
  }

  /** Whether this replica runs the timers (one replica at a time on a shared database). */
  public Leadership leadership() {
    return leadership;
  }

  /** The database every replica shares (tests and tools read the audit and outbox through it). */
  public javax.sql.DataSource database() {
    return database;
  }

  public Readiness readiness() {
    return readiness;
  }

  public BotMetrics metrics() {
    return metrics;
  }

  public ExecutorService work() {
    return work;
  }

  @Override
  public void close() {
    started.cancel(false);
    work.shutdown();
    try {
      if (!work.awaitTermination(5, TimeUnit.SECONDS)) {
        work.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("while closing {}", resources.get(i), e);
      }
    }
  }
}
