package lookout.bot.alerts;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import lookout.agent.alertmanager.AlertmanagerClient;
import lookout.agent.alertmanager.Silence;
import lookout.agent.remote.RemoteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each group's silences as Alertmanager has them: after a notification (a silence made in
 * Alertmanager's UI, or one that expired, shows on the root then) and right after Lookout created
 * or expired one. Reads of one cluster's silences are batched ({@link FreshReads}): an alert storm
 * asks Alertmanager a few times, not once per group, and never gets an answer older than its
 * question.
 */
final class SilenceRefresh {
  /** How the comment of a silence made from a Lookout thread begins. */
  static final String LOOKOUT_MARK = "Silenced from Lookout";

  private static final Logger log = LoggerFactory.getLogger(SilenceRefresh.class);
  private static final DateTimeFormatter HH_MM =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final OwnershipStore owners;
  private final RootView view;
  private final RootRedraw redraw;
  private final Map<String, AlertmanagerClient> alertmanagers;
  private final ExecutorService work;
  private final Clock clock;
  private final Map<String, FreshReads<List<Silence>>> reads = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  SilenceRefresh(
      OwnershipStore owners,
      RootView view,
      RootRedraw redraw,
      Map<String, AlertmanagerClient> alertmanagers,
      ExecutorService work,
      Clock clock) {
    this.owners = owners;
    this.view = view;
    this.redraw = redraw;
    this.alertmanagers = Map.copyOf(alertmanagers);
    this.work = work;
    this.clock = clock;
  }

  /** After a notification: looks in the background, at most one look per group at a time. */
  void notified(String groupId) {
    if (!alertmanagers.isEmpty() && running.add(groupId)) {
      work.execute(
          () -> {
            try {
              refresh(groupId);
            } finally {
              running.remove(groupId);
            }
          });
    }
  }

  /**
   * Reads the group's silences from Alertmanager and, when they changed, stores them, notes the
   * change in the timeline and redraws the root. Never throws: an unreachable Alertmanager leaves
   * the root as it was (logged).
   */
  void refresh(String groupId) {
    try {
      Optional<Notification> n = owners.lastNotification(groupId).map(NotificationJson::read);
      Optional<SilenceScope> scope = n.flatMap(view::scope);
      if (scope.isEmpty() || !alertmanagers.containsKey(scope.get().cluster())) {
        return;
      }
      List<Ownership.SilenceLine> now = muting(silences(scope.get().cluster()), n.get().alerts());
      Ownership before = owners.find(groupId).orElse(null);
      List<Ownership.SilenceLine> was = before == null ? List.of() : before.silences();
      if (new HashSet<>(now).equals(new HashSet<>(was))) {
        return;
      }
      owners.silences(groupId, now, clock.instant());
      redraw.redraw(groupId, changes(was, now));
    } catch (RemoteException | IllegalStateException e) {
      log.warn("alert group {}: could not read silences: {}", groupId, e.getMessage());
    }
  }

  private List<Silence> silences(String cluster) {
    AlertmanagerClient client = alertmanagers.get(cluster);
    return reads.computeIfAbsent(cluster, c -> new FreshReads<>(client::silences)).read();
  }

  /** Active silences muting at least one of the alerts (the firing ones, while any fire). */
  static List<Ownership.SilenceLine> muting(List<Silence> silences, List<Alert> alerts) {
    List<Alert> firing = alerts.stream().filter(Alert::firing).toList();
    List<Alert> judged = firing.isEmpty() ? alerts : firing;
    List<Ownership.SilenceLine> out = new ArrayList<>();
    for (Silence s : silences) {
      if (!s.active()) {
        continue;
      }
      int muted = (int) judged.stream().filter(a -> s.mutes(a.labels())).count();
      if (muted > 0) {
        out.add(
            new Ownership.SilenceLine(
                s.id(),
                s.createdBy(),
                s.endsAt(),
                muted,
                judged.size(),
                s.comment().startsWith(LOOKOUT_MARK)));
      }
    }
    return out;
  }

  private static List<String> changes(
      List<Ownership.SilenceLine> was, List<Ownership.SilenceLine> now) {
    Set<String> before = new HashSet<>();
    was.forEach(s -> before.add(s.id()));
    Set<String> after = new HashSet<>();
    now.forEach(s -> after.add(s.id()));
    List<String> lines = new ArrayList<>();
    was.stream()
        .filter(s -> !after.contains(s.id()))
        .forEach(s -> lines.add("silence by " + s.createdBy() + " ended"));
    now.stream()
        .filter(s -> !before.contains(s.id()))
        .forEach(
            s -> lines.add("silenced by " + s.createdBy() + " until " + HH_MM.format(s.endsAt())));
    return lines;
  }
}
