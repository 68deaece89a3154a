/**
 * The retrieval evaluation: team-written queries with their expected runbook, run against the
 * prometheus-operator runbooks, scored as recall@1, recall@3 and MRR per search mode.
 */
package lookout.knowledge.eval;
