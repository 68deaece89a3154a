/**
 * Performs approved actions against a cluster with fabric8: rolling restart and scale, as JSON
 * merge patches any API server accepts, plus a server-side dry run to validate an action before
 * approval and a read of the target's current state for drift checks before execution.
 */
package lookout.agent.actions;
