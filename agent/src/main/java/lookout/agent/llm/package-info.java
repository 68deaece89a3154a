/**
 * The LLM agent: {@link lookout.agent.llm.ModelAgent} answers free questions by letting a model
 * (any OpenAI-compatible endpoint, through langchain4j) call the read-only tools of {@code
 * lookout.agent.tools} within a step limit and a token budget, and falls back to the offline agent
 * whenever the model fails. Explicit commands (restart, scale, audit, …) stay deterministic.
 */
package lookout.agent.llm;
