package lookout.bot.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread per alert group: routes each notification, compares it with the group's stored state,
 * saves the new state (before Alertmanager gets its 200, so an accepted alert is never only in
 * memory), queues the root edit and a reply for what changed, starts an analysis when new alerts
 * fire (within the per-group budget), and records an incident when the group resolves.
 */
public final class AlertThreads {
  private static final Logger log = LoggerFactory.getLogger(AlertThreads.class);
  private static final Duration STALE_CLAIM = Duration.ofMinutes(2);
  private static final DateTimeFormatter HHMMSS =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final int MAX_TIMELINE = 200;

  private final GroupStore store;
  private final AlertRouter router;
  private final Lanes lanes;
  private final AlertAnalyst analyst;
  private final IncidentRecorder incidents;
  private final int budget;
  private final String owner;
  private final ExecutorService work;
  private final Clock clock;
  private final AlertMeters meters;
  private final GroupLocks locks;
  private final ThreadControls controls;

  AlertThreads(
      GroupStore store,
      AlertRouter router,
      Lanes lanes,
      AlertAnalyst analyst,
      IncidentRecorder incidents,
      int budget,
      String owner,
      ExecutorService work,
      Clock clock,
      AlertMeters meters,
      GroupLocks locks,
      ThreadControls controls) {
    this.meters = meters;
    this.locks = locks;
    this.controls = controls;
    this.store = store;
    this.router = router;
    this.lanes = lanes;
    this.analyst = analyst;
    this.incidents = incidents;
    this.budget = budget;
    this.owner = owner;
    this.work = work;
    this.clock = clock;
  }

  /** Handles one notification; blocking (JDBC), call from a virtual thread. */
  public Outcome accept(Notification n) {
    Outcome outcome = route(n);
    meters.notification(outcome.result());
    return outcome;
  }

  private Outcome route(Notification n) {
    String id = GroupStore.idOf(n.groupKey());
    AlertRouter.Route route = router.route(n.routingLabels());
    if (route.dropped()) {
      return new Outcome("dropped", id, List.of(), List.of(), false);
    }
    if (route.destinations().isEmpty()) {
      log.warn(
          "alert group {} matched no route and no default destination: not posted", n.groupKey());
      return new Outcome("unrouted", id, List.of(), List.of(), false);
    }
    // Ask first, store after: a destination that cannot take the group must not cost it.
    List<Destination> takers = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Destination d : route.destinations()) {
      lanes
          .refusal(d)
          .ifPresentOrElse(reason -> refused.add(d + ": " + reason), () -> takers.add(d));
    }
    if (!refused.isEmpty()) {
      log.warn("alert group {}: {} cannot take it now; deferred", n.groupKey(), refused);
    }
    if (takers.isEmpty()) {
      return new Outcome("deferred", id, List.of(), List.of(), false, refused);
    }
    Outcome outcome = locks.with(id, () -> store.inOneConnection(() -> update(id, n, takers)));
    controls.notified().accept(id);
    return refused.isEmpty() ? outcome : outcome.deferred(refused);
  }

  private Outcome update(String id, Notification n, List<Destination> destinations) {
    Instant now = clock.instant();
    GroupState before = store.find(id).orElse(null);
    AlertChanges changes = AlertChanges.between(before, n);
    boolean firing = n.firing();
    boolean newEpisode = before == null || (before.resolved() && firing);
    boolean justResolved = !firing && (before == null || !before.resolved());
    Instant started =
        newEpisode
            ? n.alerts().stream().map(Alert::startsAt).min(Comparator.naturalOrder()).orElse(now)
            : before.startedAt();
    Instant resolvedAt = null;
    if (!firing) {
      resolvedAt =
          justResolved
              ? n.alerts().stream()
                  .map(a -> a.endsAt() == null ? now : a.endsAt())
                  .max(Comparator.naturalOrder())
                  .orElse(now)
              : before.resolvedAt();
      if (resolvedAt.isBefore(started)) {
        resolvedAt = started;
      }
    }
    List<String> timeline = new ArrayList<>(newEpisode ? List.of() : before.timeline());
    String at = HHMMSS.format(now) + " ";
    changes.newlyFiring().forEach(a -> timeline.add(at + "firing: " + AlertMessages.describe(a)));
    changes
        .newlyResolved()
        .forEach(a -> timeline.add(at + "resolved: " + a.name() + " " + a.summary()));
    if (justResolved) {
      timeline.add(at + "group resolved");
    }
    while (timeline.size() > MAX_TIMELINE) {
      timeline.remove(1);
    }
    int analyses = newEpisode ? 0 : before.analyses();
    // Someone owns this episode: new alerts are theirs to look at, not another analysis to post.
    boolean owned =
        !newEpisode
            && controls.owners().find(id).map(o -> o.acknowledged(before.episode())).orElse(false);
    boolean analyse = firing && !changes.newlyFiring().isEmpty() && analyses < budget && !owned;
    if (analyse) {
      analyses++;
    } else if (firing && !changes.newlyFiring().isEmpty()) {
      meters.analysis(owned ? "acknowledged" : "over_budget");
    }
    LinkedHashMap<String, GroupState.AlertLine> lines = new LinkedHashMap<>();
    for (Alert a : n.alerts()) {
      lines.put(
          a.fingerprint(),
          new GroupState.AlertLine(
              a.status(),
              a.name(),
              AlertMessages.describe(a).substring(a.name().length()).strip()));
    }
    GroupState state =
        new GroupState(
            id,
            n.groupKey(),
            firing ? "firing" : "resolved",
            started,
            resolvedAt,
            (newEpisode ? 0 : before.notifications()) + 1,
            lines,
            analyses,
            newEpisode ? "" : before.analysis(),
            timeline,
            before == null ? 1 : before.episode() + (newEpisode ? 1 : 0));
    store.save(state, now);
    controls.owners().notification(id, state.episode(), NotificationJson.write(n), now);
    Ownership ownership = controls.owners().find(id).orElse(Ownership.none(state.episode()));

    Message root = controls.view().render(n, state, ownership, now);
    Message reply = before == null ? null : AlertMessages.changes(changes);
    for (Destination d : destinations) {
      Lane lane = lanes.lane(d);
      boolean claimed =
          lane.rootId(id) == null && store.claimRoot(id, d, owner, now, now.minus(STALE_CLAIM));
      lane.root(id, root, claimed);
      if (reply != null) {
        lane.reply(id, reply);
      }
    }
    if (analyse) {
      int round = analyses;
      work.execute(() -> analyse(id, n, round, destinations));
    }
    if (justResolved) {
      work.execute(() -> recordIncident(id, n, destinations));
    }
    List<String> summary = new ArrayList<>();
    changes.newlyFiring().forEach(a -> summary.add("firing " + a.name()));
    changes.newlyResolved().forEach(a -> summary.add("resolved " + a.name()));
    if (justResolved) {
      summary.add("group resolved");
    }
    return new Outcome(
        "accepted",
        id,
        destinations.stream().map(Destination::toString).toList(),
        summary,
        analyse);
  }

  private void analyse(String id, Notification n, int round, List<Destination> destinations) {
    try {
      Analysis analysis = analyst.analyse(n, round, budget);
      locks.with(
          id,
          () -> {
            store
                .find(id)
                .ifPresent(
                    g ->
                        store.save(
                            new GroupState(
                                g.groupId(),
                                g.groupKey(),
                                g.status(),
                                g.startedAt(),
                                g.resolvedAt(),
                                g.notifications(),
                                g.alerts(),
                                g.analyses(),
                                g.analysis().isEmpty()
                                    ? analysis.text()
                                    : g.analysis() + "\n\n" + analysis.text(),
                                g.timeline(),
                                g.episode()),
                            clock.instant()));
            return null;
          });
      destinations.forEach(d -> lanes.lane(d).analysis(id, analysis.message()));
      meters.analysis("posted");
    } catch (RuntimeException e) {
      meters.analysis("failed");
      log.error("while analysing alert group {}", id, e);
    }
  }

  private void recordIncident(String id, Notification n, List<Destination> destinations) {
    try {
      GroupState g = store.find(id).orElseThrow();
      List<String> links = new ArrayList<>();
      List<ConversationRef> threads = new ArrayList<>();
      for (Destination d : destinations) {
        String root = lanes.lane(d).rootId(id);
        links.add(d + (root == null ? "" : "/" + root));
        if (root != null) {
          threads.add(d.conversation().inThread(root));
        }
      }
      var incident = incidents.record(g, n, links, threads);
      meters.incident("recorded");
      log.info("alert group {} resolved: incident {} recorded", n.groupKey(), incident.id());
    } catch (RuntimeException e) {
      meters.incident("failed");
      log.error("while recording the incident of alert group {}", id, e);
    }
  }
}
