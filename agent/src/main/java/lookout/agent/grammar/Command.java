package lookout.agent.grammar;

/**
 * A parsed request. {@code namespace} is null when the user did not name one; the agent then
 * resolves it from the cluster or asks back. Names are as the user wrote them, lower-cased.
 */
public sealed interface Command {
  /** Status of one workload ({@code name} set) or of a whole namespace ({@code name} null). */
  record Status(String namespace, String name) implements Command {}

  /** Why a workload is failing. */
  record Diagnose(String namespace, String name) implements Command {}

  /** Recent logs of a workload or pod. */
  record Logs(String namespace, String name) implements Command {}

  /** Restart a deployment (goes through approval). */
  record Restart(String namespace, String name) implements Command {}

  /** Scale a deployment or statefulset to a replica count (goes through approval). */
  record Scale(String namespace, String name, int replicas) implements Command {}

  /**
   * One of the repairs beyond restart and scale (goes through approval). {@code name} is the
   * workload, pod, node, CronJob or Job as written; null for a clean-up, which is about a
   * namespace.
   *
   * @param revision the revision a roll back asks for, 0 for "the last healthy one"
   */
  record Repair(Verb verb, String namespace, String name, long revision) implements Command {
    /** What to do. */
    public enum Verb {
      ROLLBACK,
      DELETE_POD,
      CORDON,
      UNCORDON,
      DRAIN,
      SUSPEND,
      RESUME,
      RERUN,
      CLEANUP_EVICTED
    }
  }

  /**
   * The approvals audit trail: everything, today's rows, one namespace's, or one user's ({@code
   * value} is the namespace or the platform-qualified user id, null otherwise).
   */
  record Audit(Scope scope, String value) implements Command {
    public enum Scope {
      ALL,
      TODAY,
      NAMESPACE,
      USER
    }
  }

  /** Close an open circuit breaker ({@code kind} is restart or scale); approvers only. */
  record ResetBreaker(String kind, String namespace, String name) implements Command {}

  /** Search the runbooks: {@code runbook <words>}. */
  record Runbooks(String words) implements Command {}

  /** Search past incidents: {@code incidents like <words>}, "have we seen … before?". */
  record Incidents(String words) implements Command {}

  record Help() implements Command {}

  /** Not understood; the agent answers with help text. */
  record Unknown(String text) implements Command {}
}
