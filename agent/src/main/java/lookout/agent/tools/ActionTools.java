package lookout.agent.tools;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/**
 * Proposals only. These tools cannot change the cluster: they record a typed action that the chat
 * shows as a button; a person must press it and an authorized approver must approve it. One
 * instance per question, holding that question's {@link Proposals}.
 */
public final class ActionTools {
  private final ActionService actions;
  private final Proposals proposals;

  public ActionTools(ActionService actions, Proposals proposals) {
    this.actions = actions;
    this.proposals = proposals;
  }

  @Tool(
      name = "propose_restart",
      value = "Propose a rolling restart of a deployment. Needs human approval; does not run.")
  public String proposeRestart(
      @P(value = "namespace", required = false) String namespace,
      @P("deployment name") String name) {
    return actions.proposeRestart(namespace, name, proposals);
  }

  @Tool(
      name = "propose_scale",
      value = "Propose scaling a workload to N replicas. Needs human approval; does not run.")
  public String proposeScale(
      @P(value = "namespace", required = false) String namespace,
      @P("workload name") String name,
      @P("desired replicas") int replicas) {
    return actions.proposeScale(namespace, name, replicas, proposals);
  }
}
