/**
 * The offline command grammar: short English and Chinese requests ("why is checkout failing in
 * staging", "重启 staging 的 checkout", "scale api to 3 in prod") parsed into typed {@link
 * lookout.agent.grammar.Command}s. Pure text in, record out.
 */
package lookout.agent.grammar;
