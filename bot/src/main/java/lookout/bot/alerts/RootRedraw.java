package lookout.bot.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lookout.adapters.chat.Message;

/**
 * Redraws a group's root between notifications (someone acknowledged it, a silence began or ended)
 * from what the database holds, under the group's lock so it never overtakes a newer notification,
 * and notes the change in the group's timeline (which becomes the incident's).
 */
final class RootRedraw {
  private static final DateTimeFormatter HHMMSS =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final GroupStore groups;
  private final OwnershipStore owners;
  private final RootLookup roots;
  private final RootView view;
  private final Lanes lanes;
  private final GroupLocks locks;
  private final Clock clock;

  RootRedraw(
      GroupStore groups,
      OwnershipStore owners,
      RootLookup roots,
      RootView view,
      Lanes lanes,
      GroupLocks locks,
      Clock clock) {
    this.groups = groups;
    this.owners = owners;
    this.roots = roots;
    this.view = view;
    this.lanes = lanes;
    this.locks = locks;
    this.clock = clock;
  }

  /** Adds {@code lines} to the timeline (when not empty) and redraws the root everywhere. */
  void redraw(String groupId, List<String> lines) {
    locks.with(
        groupId,
        () -> {
          Optional<GroupState> found = groups.find(groupId);
          Optional<String> json = owners.lastNotification(groupId);
          if (found.isEmpty() || json.isEmpty()) {
            return null;
          }
          Instant now = clock.instant();
          GroupState g = found.get();
          if (!lines.isEmpty()) {
            List<String> timeline = new ArrayList<>(g.timeline());
            lines.forEach(l -> timeline.add(HHMMSS.format(now) + " " + l));
            g =
                new GroupState(
                    g.groupId(),
                    g.groupKey(),
                    g.status(),
                    g.startedAt(),
                    g.resolvedAt(),
                    g.notifications(),
                    g.alerts(),
                    g.analyses(),
                    g.analysis(),
                    timeline,
                    g.episode());
            groups.save(g, now);
          }
          Ownership o = owners.find(groupId).orElse(Ownership.none(g.episode()));
          Message root = view.render(NotificationJson.read(json.get()), g, o, now);
          for (Destination d : roots.destinations(groupId)) {
            lanes.lane(d).root(groupId, root, false);
          }
          return null;
        });
  }
}
