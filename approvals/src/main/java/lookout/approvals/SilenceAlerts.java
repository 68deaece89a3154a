package lookout.approvals;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Create an Alertmanager silence from now for {@code duration}.
 *
 * @param namespace the namespace the silenced alerts are about, or "" when they name none
 *     (cluster-wide alerts); the policy rule is chosen by it
 * @param name what is silenced, in words: the alert group's alert names, e.g. {@code
 *     KubePodCrashLooping}
 * @param matchers the silence's matchers (at least one); Alertmanager mutes alerts matching all
 * @param createdBy the verified chat user the silence is made for (the requester), as Alertmanager
 *     records it
 * @param comment why and where from, e.g. the chat thread it was asked in
 */
public record SilenceAlerts(
    String cluster,
    String namespace,
    String name,
    List<SilenceMatcher> matchers,
    Duration duration,
    String createdBy,
    String comment)
    implements AlertSilence {
  public SilenceAlerts {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(createdBy, "createdBy");
    comment = comment == null ? "" : comment;
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException("a silence needs at least one matcher");
    }
    if (!duration.isPositive()) {
      throw new IllegalArgumentException("a silence must last longer than 0, got " + duration);
    }
  }

  @Override
  public String describe() {
    return "silence "
        + name
        + (namespace.isEmpty() ? "" : " in " + namespace)
        + " for "
        + SilenceDurations.format(duration)
        + " "
        + matchers.stream()
            .map(SilenceMatcher::toString)
            .collect(Collectors.joining(",", "{", "}"));
  }
}
