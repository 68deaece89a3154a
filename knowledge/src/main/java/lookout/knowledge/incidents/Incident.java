package lookout.knowledge.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One past incident, as the team recorded it.
 *
 * @param id stable identifier, e.g. {@code INC-2031} (1..128 characters)
 * @param title one line saying what happened
 * @param alertName the alert that opened it, empty if none
 * @param labels alert labels such as {@code namespace}, {@code service}, {@code cluster}
 * @param startedAt when it started
 * @param resolvedAt when it was resolved, null while open
 * @param timeline what happened, one line per event, oldest first
 * @param analysis the root-cause analysis, may be empty
 * @param resolution what fixed it, may be empty
 * @param resolvedBy who resolved it, may be empty
 * @param threadLink link to the chat thread, may be empty
 */
public record Incident(
    String id,
    String title,
    String alertName,
    Map<String, String> labels,
    Instant startedAt,
    Instant resolvedAt,
    List<String> timeline,
    String analysis,
    String resolution,
    String resolvedBy,
    String threadLink) {
  public Incident {
    Objects.requireNonNull(id, "id");
    if (id.isBlank() || id.length() > 128) {
      throw new IllegalArgumentException("incident id must be 1..128 characters, got '" + id + "'");
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(startedAt, "startedAt");
    alertName = alertName == null ? "" : alertName;
    labels = labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels));
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
    analysis = analysis == null ? "" : analysis;
    resolution = resolution == null ? "" : resolution;
    resolvedBy = resolvedBy == null ? "" : resolvedBy;
    threadLink = threadLink == null ? "" : threadLink;
  }

  /** The resolution time, empty while the incident is open. */
  public Optional<Instant> resolved() {
    return Optional.ofNullable(resolvedAt);
  }

  /** A label's value, empty if absent. */
  public String label(String name) {
    return labels.getOrDefault(name, "");
  }
}
