/**
 * What the LLM agent may call: plain classes whose {@code @Tool} methods delegate in one line to a
 * service that returns compact, redacted text within a byte budget ({@link
 * lookout.agent.tools.Budget}). Reads are free; the only "writes" are proposals ({@link
 * lookout.agent.tools.Proposals}) that a person must still request and approve in chat.
 */
package lookout.agent.tools;
