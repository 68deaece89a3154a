/**
 * Deterministic analyzers, one class per failure mode (CrashLoopBackOff, OOMKilled, ImagePullBackOff,
 * Pending/unschedulable, PVC unbound, probe failures, node pressure). Each reads {@link
 * lookout.agent.analyzers.ClusterFacts} and yields {@link lookout.agent.analyzers.Finding}s with evidence
 * and suggested actions.
 */
package lookout.agent.analyzers;
