package lookout.agent.inspect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import lookout.agent.analyzers.Finding;

/**
 * One check-up.
 *
 * @param cluster the cluster inspected
 * @param namespace the namespace inspected, or null for every namespace
 * @param findings problems, worst first, one per {@link FindingKey}
 * @param usage informational lines (top consumers, headroom) that are not problems
 * @param notes what could not be checked and why (e.g. no metrics configured)
 */
public record InspectionReport(
    String cluster,
    String namespace,
    Instant at,
    List<Finding> findings,
    List<String> usage,
    List<String> notes) {
  public InspectionReport {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(at, "at");
    findings = List.copyOf(findings);
    usage = List.copyOf(usage);
    notes = List.copyOf(notes);
  }

  /** {@code prod} or {@code prod/payments}: what was inspected, also the history key. */
  public String scope() {
    return namespace == null ? cluster : cluster + "/" + namespace;
  }
}
