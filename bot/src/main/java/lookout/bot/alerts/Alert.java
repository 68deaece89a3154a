package lookout.bot.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert of an Alertmanager notification.
 *
 * @param status {@code firing} or {@code resolved}
 * @param endsAt when it resolved, or null while firing (Alertmanager sends a zero time)
 * @param fingerprint Alertmanager's stable id of the label set
 */
public record Alert(
    String status,
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant startsAt,
    Instant endsAt,
    String generatorUrl,
    String fingerprint) {
  public Alert {
    Objects.requireNonNull(status, "status");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(startsAt, "startsAt");
    generatorUrl = generatorUrl == null ? "" : generatorUrl;
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  public boolean firing() {
    return "firing".equals(status);
  }

  public String name() {
    return labels.getOrDefault("alertname", "(unnamed alert)");
  }

  public String label(String key) {
    return labels.getOrDefault(key, "");
  }

  public Optional<String> annotation(String key) {
    return Optional.ofNullable(annotations.get(key)).filter(s -> !s.isBlank());
  }
}
