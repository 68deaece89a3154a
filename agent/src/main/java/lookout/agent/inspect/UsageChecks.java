package lookout.agent.inspect;

import java.util.List;
import lookout.agent.analyzers.Finding;

/**
 * The metric-based part of a check-up (workloads near their limits, volumes filling up, top
 * consumers), implemented over Prometheus. Declared here because the inspector is its only user.
 */
public interface UsageChecks {
  /**
   * Checks {@code namespace}, or every namespace when null.
   *
   * @throws RuntimeException when metrics cannot be read (the report says so and goes on)
   */
  Result check(String namespace);

  /**
   * @param findings problems (near a limit, volume almost full), keyed like other findings
   * @param lines informational lines such as top consumers
   */
  record Result(List<Finding> findings, List<String> lines) {
    public Result {
      findings = List.copyOf(findings);
      lines = List.copyOf(lines);
    }
  }
}
