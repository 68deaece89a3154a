/**
 * The offline agent: answers without an LLM by parsing the request with the command grammar,
 * reading the cluster, running the deterministic analyzers and searching runbooks. Every answer is
 * marked degraded; restart and scale are returned as requested actions for approval, never executed
 * here.
 */
package lookout.agent.offline;
