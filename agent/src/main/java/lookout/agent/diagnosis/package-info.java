/**
 * The diagnosis engine: gathers the facts of a target along its real dependencies, runs the one
 * analyzer catalog, and ranks what it found — the root cause first, the symptoms it explains folded
 * under it, findings about objects the target does not depend on left out — into a {@link
 * lookout.agent.diagnosis.Diagnosis} with a verdict (broken, recovered, healthy). The offline agent
 * renders it as an answer; the LLM tools, alert analyses and check-ups read the same findings.
 */
package lookout.agent.diagnosis;
