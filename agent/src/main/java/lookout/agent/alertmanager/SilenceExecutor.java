package lookout.agent.alertmanager;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import lookout.approvals.Action;
import lookout.approvals.ActionExecutor;
import lookout.approvals.AlertSilence;
import lookout.approvals.DryRun;
import lookout.approvals.ExpireSilence;
import lookout.approvals.SilenceAlerts;
import lookout.approvals.TargetSnapshot;

/**
 * Runs {@code silence} actions against the Alertmanager of the action's cluster. The dry run asks
 * Alertmanager which alerts the silence would mute now (or whether the silence to expire exists),
 * so an unreachable or refusing Alertmanager stops the request before anyone approves it. A silence
 * has no replicas or generation: the snapshot is always the same, so nothing counts as drift.
 */
public final class SilenceExecutor implements ActionExecutor {
  private static final TargetSnapshot NO_TARGET = new TargetSnapshot(0, 0);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Map<String, AlertmanagerClient> byCluster;
  private final Clock clock;

  public SilenceExecutor(Map<String, AlertmanagerClient> byCluster, Clock clock) {
    this.byCluster = Map.copyOf(byCluster);
    this.clock = clock;
  }

  @Override
  public DryRun dryRun(Action action) {
    return switch (silence(action)) {
      case SilenceAlerts s -> {
        List<Map<String, String>> alerts = client(s).alerts(s.matchers());
        yield new DryRun(mutes(alerts), NO_TARGET);
      }
      case ExpireSilence e -> {
        var found = client(e).silence(e.silenceId());
        if (found.isEmpty()) {
          throw new IllegalStateException("Alertmanager has no silence " + e.silenceId());
        }
        if (!found.get().active()) {
          throw new IllegalStateException(
              "silence "
                  + e.silenceId()
                  + " is "
                  + found.get().state()
                  + " (it ended "
                  + TIME.format(found.get().endsAt())
                  + "); nothing to unsilence");
        }
        yield new DryRun(
            "ends the silence "
                + found.get().createdBy()
                + " set until "
                + TIME.format(found.get().endsAt()),
            NO_TARGET);
      }
    };
  }

  @Override
  public Optional<TargetSnapshot> current(Action action) {
    silence(action);
    return Optional.of(NO_TARGET);
  }

  @Override
  public String execute(Action action) {
    return switch (silence(action)) {
      case SilenceAlerts s -> {
        Instant now = clock.instant();
        Instant until = now.plus(s.duration());
        String id = client(s).create(s.matchers(), now, until, s.createdBy(), s.comment());
        yield "silence " + id + " created in Alertmanager, active until " + TIME.format(until);
      }
      case ExpireSilence e -> {
        client(e).expire(e.silenceId());
        yield "silence " + e.silenceId() + " expired in Alertmanager";
      }
    };
  }

  /** True when an Alertmanager is configured for {@code cluster}. */
  public boolean serves(String cluster) {
    return byCluster.containsKey(cluster);
  }

  private AlertmanagerClient client(Action action) {
    AlertmanagerClient client = byCluster.get(action.cluster());
    if (client == null) {
      throw new IllegalStateException(
          "no Alertmanager is configured for cluster "
              + action.cluster()
              + " (alertmanagers[] in lookout.yaml)");
    }
    return client;
  }

  private static AlertSilence silence(Action action) {
    if (action instanceof AlertSilence s) {
      return s;
    }
    throw new IllegalArgumentException(
        "the silence executor cannot " + action.describe() + ": only silences go to Alertmanager");
  }

  /** "mutes 2 alerts firing now: KubePodCrashLooping ×2". */
  private static String mutes(List<Map<String, String>> alerts) {
    if (alerts.isEmpty()) {
      return "mutes no alert firing right now (and any that match later)";
    }
    Map<String, Integer> byName = new TreeMap<>();
    alerts.forEach(a -> byName.merge(a.getOrDefault("alertname", "?"), 1, Integer::sum));
    StringBuilder names = new StringBuilder();
    byName.forEach(
        (name, n) ->
            names.append(names.isEmpty() ? "" : ", ").append(name).append(n > 1 ? " ×" + n : ""));
    return "mutes "
        + alerts.size()
        + " alert"
        + (alerts.size() == 1 ? "" : "s")
        + " firing now: "
        + names;
  }
}
