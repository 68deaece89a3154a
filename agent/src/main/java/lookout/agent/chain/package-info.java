/**
 * The one place the agent chain is assembled ({@link lookout.agent.chain.AgentBuilder}): check-ups
 * first, then the model when one is configured, then the offline agent, each a {@link
 * lookout.agent.Stage}. {@link lookout.agent.chain.AgentChain} reads and redacts each question once
 * and redacts each answer once, on the way out.
 */
package lookout.agent.chain;
