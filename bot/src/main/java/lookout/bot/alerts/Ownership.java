package lookout.bot.alerts;

import java.time.Instant;
import java.util.List;

/**
 * Who took an alert group's current episode, and the Alertmanager silences that mute its alerts as
 * last seen. An acknowledgement belongs to the episode it was made in: when the group resolves and
 * fires again, nobody owns it until someone acknowledges again.
 *
 * @param ackedBy the verified chat user who acknowledged, or null
 * @param silences active silences muting at least one of the group's alerts, as last read
 */
record Ownership(int episode, String ackedBy, Instant ackedAt, List<SilenceLine> silences) {
  Ownership {
    silences = List.copyOf(silences);
  }

  static Ownership none(int episode) {
    return new Ownership(episode, null, null, List.of());
  }

  /** True when someone acknowledged {@code episode}. */
  boolean acknowledged(int currentEpisode) {
    return ackedBy != null && episode == currentEpisode;
  }

  /**
   * An Alertmanager silence muting some of a group's alerts.
   *
   * @param muted how many of the group's alerts (in the last notification) it mutes, of {@code of}
   * @param viaLookout made from a Lookout thread (its comment says so), rather than elsewhere
   */
  record SilenceLine(
      String id, String createdBy, Instant endsAt, int muted, int of, boolean viaLookout) {}
}
