/**
 * Cluster access: connecting to a named cluster (sandbox, kubeconfig context or in-cluster service
 * account, never implicitly), checking it is reachable, finding workloads, and reading pods,
 * workloads, events, logs and nodes as compact, capped text lines and as analyzer facts.
 */
package lookout.agent.cluster;
