package lookout.agent.inspect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.agent.analyzers.Finding;

/**
 * A report against the previous one of the same scope: findings that are new, that persist (with
 * the time they were first seen) and that were resolved since.
 *
 * @param previous when the previous report was taken, empty for a first report
 */
public record Comparison(
    InspectionReport report,
    Optional<Instant> previous,
    List<Finding> added,
    List<Persisting> persisting,
    List<Snapshot.Seen> resolved) {

  public record Persisting(Finding finding, Instant since) {}

  public static Comparison of(InspectionReport report, Optional<Snapshot> before) {
    Map<String, Snapshot.Seen> old = before.map(Snapshot::findings).orElse(Map.of());
    List<Finding> added = new ArrayList<>();
    List<Persisting> persisting = new ArrayList<>();
    for (Finding f : report.findings()) {
      Snapshot.Seen seen = old.get(FindingKey.of(f));
      if (seen == null) {
        added.add(f);
      } else {
        persisting.add(new Persisting(f, seen.since()));
      }
    }
    List<Snapshot.Seen> resolved = new ArrayList<>();
    var current = report.findings().stream().map(FindingKey::of).toList();
    old.entrySet().stream()
        .filter(e -> !current.contains(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> resolved.add(e.getValue()));
    return new Comparison(
        report, before.map(Snapshot::at), List.copyOf(added), List.copyOf(persisting), resolved);
  }

  /** What this report leaves for the next: persisting findings keep their first-seen time. */
  public Snapshot snapshot() {
    Map<String, Snapshot.Seen> seen = new LinkedHashMap<>();
    for (Finding f : added) {
      seen.put(FindingKey.of(f), new Snapshot.Seen(f.subject(), f.summary(), report.at()));
    }
    for (Persisting p : persisting) {
      Finding f = p.finding();
      seen.put(FindingKey.of(f), new Snapshot.Seen(f.subject(), f.summary(), p.since()));
    }
    return new Snapshot(report.scope(), report.at(), seen);
  }
}
