/**
 * Secret redaction: everything the LLM agent sends to a model or posts to chat passes through
 * {@link lookout.agent.redact.Redactor} first, so tokens, passwords and keys found in logs, env
 * vars or events never leave the process.
 */
package lookout.agent.redact;
