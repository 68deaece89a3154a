package lookout.agent.inspect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report leaves for the next one to compare with: each finding's key, one-line summary and
 * when it was first seen.
 *
 * @param scope {@link InspectionReport#scope()}
 */
public record Snapshot(String scope, Instant at, Map<String, Seen> findings) {
  public Snapshot {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(at, "at");
    findings = Map.copyOf(findings);
  }

  /** A finding as remembered: its subject, summary and the first report that had it. */
  public record Seen(String subject, String summary, Instant since) {}

  /** Keys in a stable order, for storage and tests. */
  public List<String> keys() {
    return findings.keySet().stream().sorted().toList();
  }
}
