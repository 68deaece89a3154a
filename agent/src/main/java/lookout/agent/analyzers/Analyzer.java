package lookout.agent.analyzers;

import java.util.List;

/** Looks at a slice of the cluster for one failure mode. Pure: no I/O beyond {@link LogSource}. */
public interface Analyzer {
  /** Findings for this failure mode, or an empty list when it does not apply. */
  List<Finding> analyze(ClusterFacts facts);
}
