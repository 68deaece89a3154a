package lookout.bot.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the database remembers of one alert group between notifications.
 *
 * @param alerts the last notification's alerts by fingerprint: status and name
 * @param analyses analyses run in the current episode (the per-group budget counts these)
 * @param timeline one line per change, oldest first (becomes the incident's timeline)
 * @param episode counts firing episodes of this group (a group can resolve and fire again)
 */
public record GroupState(
    String groupId,
    String groupKey,
    String status,
    Instant startedAt,
    Instant resolvedAt,
    int notifications,
    Map<String, AlertLine> alerts,
    int analyses,
    String analysis,
    List<String> timeline,
    int episode) {
  public GroupState {
    alerts = Map.copyOf(alerts);
    timeline = List.copyOf(timeline);
    analysis = analysis == null ? "" : analysis;
  }

  /** One alert as remembered: enough to say what changed. */
  public record AlertLine(String status, String name, String summary) {}

  public boolean resolved() {
    return "resolved".equals(status);
  }
}
