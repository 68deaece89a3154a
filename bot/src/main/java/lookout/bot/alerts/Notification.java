package lookout.bot.alerts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Alertmanager webhook notification (payload version 4): the whole current state of one alert
 * group, sent on every group change and again every {@code repeat_interval}.
 *
 * @param groupKey identifies the group for the receiver; one thread per group key
 * @param status {@code firing} while any alert fires, else {@code resolved}
 * @param truncatedAlerts how many alerts Alertmanager left out ({@code max_alerts})
 */
public record Notification(
    String receiver,
    String status,
    String groupKey,
    int truncatedAlerts,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    String externalUrl,
    List<Alert> alerts) {
  public Notification {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(status, "status");
    receiver = receiver == null ? "" : receiver;
    groupLabels = Map.copyOf(groupLabels);
    commonLabels = Map.copyOf(commonLabels);
    commonAnnotations = Map.copyOf(commonAnnotations);
    externalUrl = externalUrl == null ? "" : externalUrl;
    alerts = List.copyOf(alerts);
  }

  public boolean firing() {
    return alerts.stream().anyMatch(Alert::firing);
  }

  public List<Alert> firingAlerts() {
    return alerts.stream().filter(Alert::firing).toList();
  }

  /** The labels routing looks at: the group's common labels (every alert shares them). */
  public Map<String, String> routingLabels() {
    return commonLabels.isEmpty() ? groupLabels : commonLabels;
  }
}
