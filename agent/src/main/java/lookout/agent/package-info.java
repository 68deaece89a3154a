/**
 * The agent: reads cluster state (fabric8), runs deterministic analyzers, understands short
 * commands in English and Chinese, and answers with a summary, evidence and suggested actions. It
 * performs writes only as typed {@link lookout.approvals.Action}s through the approvals flow, and
 * never sees a chat platform.
 */
package lookout.agent;
