/** Small text helpers shared by the cluster reads and the analyzers (kubectl-style ages). */
package lookout.agent.text;
