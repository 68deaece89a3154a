package lookout.bot.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.Message;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.alertmanager.AlertmanagerClient;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.Approvals;
import lookout.approvals.AuditEntry;
import lookout.approvals.AuditQuery;
import lookout.bot.conversation.Conversations;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.SearchRequest;
import lookout.knowledge.SearchResult;
import lookout.knowledge.incidents.Incident;
import lookout.knowledge.incidents.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts wired into Lookout when {@code alerts.enabled}: schema, routing, lanes over the bot's chat
 * adapters, the analyst, and the {@code /alertmanager} route. Serving refuses to start when a route
 * names a platform no adapter serves, rather than losing those alerts later.
 */
public final class AlertsSetup implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlertsSetup.class);

  private final AlertsSettings settings;
  private final Lanes lanes;
  private final AlertThreads threads;
  private final GroupStore store;
  private final AlertRouter router;
  private final AlertMeters meters;

  private AlertsSetup(
      AlertsSettings settings,
      Lanes lanes,
      AlertThreads threads,
      GroupStore store,
      AlertRouter router,
      AlertMeters meters) {
    this.meters = meters;
    this.router = router;
    this.settings = settings;
    this.lanes = lanes;
    this.threads = threads;
    this.store = store;
  }

  /** The pieces alerts need from the rest of Lookout. */
  public record Parts(
      DataSource db,
      Map<String, ChatAdapter> adapters,
      Agent agent,
      Function<SearchRequest, SearchResult> search,
      Consumer<Incident> index,
      Function<Answer, Message> render,
      ExecutorService work,
      Approvals approvals,
      MeterRegistry meters,
      InFlight inFlight) {
    /**
     * Without approvals (incidents list no actions), with meters nobody scrapes, posting at once.
     */
    public Parts(
        DataSource db,
        Map<String, ChatAdapter> adapters,
        Agent agent,
        Function<SearchRequest, SearchResult> search,
        Consumer<Incident> index,
        Function<Answer, Message> render,
        ExecutorService work) {
      this(
          db,
          adapters,
          agent,
          search,
          index,
          render,
          work,
          null,
          new SimpleMeterRegistry(),
          InFlight.NONE);
    }
  }

  /**
   * What the controls on a root need: {@code Conversations} takes silences through approvals and
   * posts their cards; {@code alertmanagers} by cluster (empty: no Silence buttons); the clusters
   * Lookout knows (a group's {@code cluster} label picks one, else the default).
   */
  public record Controls(
      Conversations conversations,
      Approvals approvals,
      Map<String, AlertmanagerClient> alertmanagers,
      Set<String> clusters,
      String defaultCluster) {}

  /** Alerts without controls on the roots (no buttons). */
  public static AlertsSetup open(AlertsSettings settings, Parts parts) {
    return open(settings, parts, null);
  }

  /**
   * @param controls acknowledge and silence from the thread; null = roots without buttons
   */
  public static AlertsSetup open(AlertsSettings settings, Parts parts, Controls controls) {
    AlertRouter router = new AlertRouter(settings.routes(), settings.defaultTo());
    String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    SharedConnection connections = new SharedConnection(parts.db());
    GroupStore store = new GroupStore(connections);
    OwnershipStore owners = new OwnershipStore(connections);
    AlertMeters meters = new AlertMeters(parts.meters());
    Lanes lanes =
        new Lanes(
            parts.adapters(), store, owner, parts.inFlight(), settings.stormBacklog(), meters);
    AlertCluster clusters =
        controls == null
            ? new AlertCluster(settings.clusterLabel(), Set.of(), "")
            : new AlertCluster(
                settings.clusterLabel(), controls.clusters(), controls.defaultCluster());
    AlertAnalyst analyst =
        new AlertAnalyst(parts.agent(), parts.search(), parts.render(), clusters);
    IncidentRecorder incidents =
        new IncidentRecorder(
            new IncidentStore(parts.db()), parts.index(), actionsTaken(parts.approvals()));
    GroupLocks locks = new GroupLocks();
    ThreadControls thread =
        controls == null
            ? ThreadControls.plain(owners)
            : wireControls(
                controls, clusters, store, owners, connections, lanes, locks, parts.work());
    AlertThreads threads =
        new AlertThreads(
            store,
            router,
            lanes,
            analyst,
            incidents,
            settings.analysisBudget(),
            owner,
            parts.work(),
            Clock.systemUTC(),
            meters,
            locks,
            thread);
    log.info(
        "alerts: POST {} → {} route(s), default {}, analysis budget {} per group",
        AlertRoutes.PATH,
        settings.routes().size(),
        settings.defaultTo(),
        settings.analysisBudget());
    return new AlertsSetup(settings, lanes, threads, store, router, meters);
  }

  private static ThreadControls wireControls(
      Controls c,
      AlertCluster clusters,
      GroupStore store,
      OwnershipStore owners,
      SharedConnection connections,
      Lanes lanes,
      GroupLocks locks,
      ExecutorService work) {
    Clock clock = Clock.systemUTC();
    RootView view =
        new RootView(
            c.approvals(),
            n -> SilenceScope.of(n, clusters),
            scope -> c.alertmanagers().containsKey(scope.cluster()));
    RootLookup roots = new RootLookup(connections);
    RootRedraw redraw = new RootRedraw(store, owners, roots, view, lanes, locks, clock);
    SilenceRefresh refresh =
        new SilenceRefresh(owners, view, redraw, c.alertmanagers(), work, clock);
    AlertControls actions =
        new AlertControls(store, owners, roots, view, redraw, refresh, c.conversations(), clock);
    c.conversations().addThreadActions(actions);
    c.conversations().onExecuted(actions::executed);
    log.info(
        "alerts: roots offer Acknowledge{} (Alertmanager for {})",
        c.alertmanagers().isEmpty() ? "" : " and Silence",
        c.alertmanagers().isEmpty() ? "no cluster" : c.alertmanagers().keySet());
    return new ThreadControls(owners, view, refresh::notified);
  }

  private static ActionsTaken actionsTaken(Approvals approvals) {
    if (approvals == null) {
      return ActionsTaken.none();
    }
    return new ActionsTaken(
        new ActionsTaken.Source() {
          @Override
          public List<AuditEntry> audit(AuditQuery query) {
            return approvals.audit(query);
          }

          @Override
          public Optional<ApprovalRequest> find(String requestId) {
            return approvals.find(requestId);
          }
        });
  }

  /** Index an incident in the knowledge base, logging (not throwing) index failures. */
  public static Consumer<Incident> indexer(KnowledgeBase kb) {
    return incident -> {
      try {
        kb.addIncident(incident);
      } catch (IOException e) {
        throw new IllegalStateException("while indexing incident " + incident.id(), e);
      }
    };
  }

  /**
   * Mounts {@code POST /alertmanager}. {@code loopback}: the server listens on loopback only, so
   * alerts without credentials are accepted when none are configured (the sandbox).
   */
  public void mount(Router http, boolean loopback, ExecutorService blocking) {
    // Checked here, not at open: only a serving Lookout receives alerts (`ask` has no console).
    List<String> unknown = new ArrayList<>();
    for (Destination d : router.all()) {
      if (!lanes.reachable(d)) {
        unknown.add(d.toString());
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(
          "alerts: destinations "
              + unknown
              + " name a platform with no chat adapter; enabled platforms: "
              + lanes.platforms());
    }
    WebhookAuth auth =
        new WebhookAuth(settings.token(), settings.basicUser(), settings.basicPassword(), loopback);
    if (auth.open()) {
      log.warn(
          "alerts: no alerts.token configured; POST {} accepts unauthenticated alerts on loopback",
          AlertRoutes.PATH);
    }
    new AlertRoutes(auth, threads, blocking, meters).mount(http);
  }

  public AlertThreads threads() {
    return threads;
  }

  public Lanes lanes() {
    return lanes;
  }

  /** The root message id of a group in a destination, once posted (tests, tools). */
  public Optional<String> rootId(String groupKey, Destination d) {
    return store.rootId(GroupStore.idOf(groupKey), d);
  }

  @Override
  public void close() {
    lanes.close();
  }
}
