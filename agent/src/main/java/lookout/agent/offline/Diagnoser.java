package lookout.agent.offline;

import lookout.agent.Answer;
import lookout.agent.analyzers.ObjectRef;

/**
 * Diagnoses what a question is about once it has been understood and resolved to real objects: the
 * root cause first, then evidence, the fix, the runbook and only the actions that would help. Reads
 * the cluster; never writes to it.
 */
public interface Diagnoser {
  /** Why {@code target} (an object that exists) is broken, or that it is healthy or recovered. */
  Answer diagnose(ObjectRef target);

  /** What is broken in one namespace (which exists), most important first. */
  Answer namespace(String namespace);
}
