/**
 * Check-ups (巡检): a whole cluster or namespace inspected in one pass — problem pods by analyzer,
 * nodes, storage, recent restarts, stuck rollouts and, with metrics, top consumers and workloads
 * near their limits — and compared with the previous report so persisting findings are not
 * re-explained.
 */
package lookout.agent.inspect;
