package lookout.agent.alertmanager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lookout.approvals.SilenceMatcher;

/**
 * A silence as Alertmanager reports it ({@code GET /api/v2/silences}).
 *
 * @param state {@code active}, {@code pending} (starts later) or {@code expired}
 */
public record Silence(
    String id,
    String state,
    List<SilenceMatcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment) {
  public Silence {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    createdBy = createdBy == null ? "" : createdBy;
    comment = comment == null ? "" : comment;
  }

  public boolean active() {
    return "active".equals(state);
  }

  /** True when this silence mutes alerts with {@code labels}: every matcher matches. */
  public boolean mutes(Map<String, String> labels) {
    return matchers.stream().allMatch(m -> m.matches(labels));
  }
}
