package lookout.agent.text;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Kubernetes timestamps as kubectl-style ages ({@code 45s}, {@code 12m}, {@code 5h}, {@code 3d}).
 */
public final class Ages {
  private Ages() {}

  public static Optional<Instant> instant(String timestamp) {
    if (timestamp == null || timestamp.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(timestamp.trim()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The age of a timestamp at {@code now}, or {@code ?} when it is missing or garbled. */
  public static String age(String timestamp, Instant now) {
    return instant(timestamp).map(t -> age(Duration.between(t, now))).orElse("?");
  }

  public static String age(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m";
    }
    if (s < 48 * 3600) {
      return s / 3600 + "h";
    }
    return s / 86400 + "d";
  }
}
