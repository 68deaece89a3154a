package lookout.agent.offline;

import lookout.agent.Answer;
import lookout.agent.cluster.Workload;

/**
 * A request's target: either the workload it names, or the reply that asks back or says why not.
 */
sealed interface Resolution {
  record Resolved(Workload workload) implements Resolution {}

  record Reply(Answer answer) implements Resolution {}
}
