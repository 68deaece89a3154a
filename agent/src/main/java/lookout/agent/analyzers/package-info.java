/**
 * Deterministic analyzers, one class per failure mode (CrashLoopBackOff, OOMKilled,
 * ImagePullBackOff, Pending/unschedulable, PVC unbound, probe failures, node pressure). Each reads
 * {@link lookout.agent.analyzers.ClusterFacts} and yields {@link lookout.agent.analyzers.Finding}s
 * with evidence and suggested actions.
 *
 * <p>Evidence lines are compact text, at most 200 characters, and start with what they are about so
 * a renderer or prompt can group them: {@code pod …}, {@code node …}, {@code claim …}, {@code probe
 * …}, {@code memory: …}, {@code scheduler: …}, {@code message: …}, {@code log: …}, {@code event …},
 * {@code also affected: …} and {@code hint: …} (advice with no action type yet). Replicas of one
 * workload that fail the same way are one finding about the worst pod. {@link
 * lookout.agent.analyzers.Analyzers} holds the standard set; {@link
 * lookout.agent.analyzers.ErrorLines} picks the error lines of a log.
 */
package lookout.agent.analyzers;
