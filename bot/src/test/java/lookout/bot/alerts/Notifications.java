package lookout.bot.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds Alertmanager notifications the way Alertmanager would send them for one group. */
public final class Notifications {
  private Notifications() {}

  /**
   * A group whose first {@code firing} of {@code total} alerts fire and the rest (up to {@code
   * total}) are resolved; {@code firing == 0} is the group's final resolved notification.
   */
  public static Notification group(
      String key, Map<String, String> common, int firing, int total, Instant start) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      Map<String, String> labels = new HashMap<>(common);
      labels.put(
          "pod",
          common.getOrDefault("deployment", "app") + "-7d9f8c6b5d-" + String.format("%05d", i));
      boolean fires = i < firing;
      alerts.add(
          new Alert(
              fires ? "firing" : "resolved",
              labels,
              Map.of(
                  "summary",
                  "Pod is crash looping.",
                  "runbook_url",
                  "https://runbooks.example/" + common.get("alertname")),
              start.plusSeconds(i),
              fires ? null : start.plusSeconds(600),
              "http://prometheus.example/graph",
              key + "#" + i));
    }
    return new Notification(
        "lookout",
        firing > 0 ? "firing" : "resolved",
        key,
        0,
        Map.of(
            "alertname",
            common.get("alertname"),
            "namespace",
            common.getOrDefault("namespace", "")),
        common,
        Map.of("summary", "Pod is crash looping."),
        "http://alertmanager.example:9093",
        alerts);
  }
}
