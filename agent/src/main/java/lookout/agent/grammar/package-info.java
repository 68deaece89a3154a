/**
 * The offline command grammar: short English and Chinese requests ("why is checkout failing in
 * staging", "重启 staging 的 checkout", "scale api to 3 in prod") parsed into typed {@link
 * lookout.agent.grammar.Command}s. Pure text in, record out.
 *
 * <p>{@link lookout.agent.grammar.RuleCommandParser} tokenizes (full-width forms folded, mentions
 * dropped), reads an intent from cue words, then the namespace and workload from markers. Reads may
 * place an unmarked word by convention; writes (restart, scale) that are ambiguous, relative ("by
 * 2") or carry a malformed name or count become {@code Unknown}, so the agent asks instead of
 * guessing.
 */
package lookout.agent.grammar;
