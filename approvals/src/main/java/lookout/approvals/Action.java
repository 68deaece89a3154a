package lookout.approvals;

/**
 * A write the bot may perform, and the only way it performs one. Sealed: adding a kind of action
 * means adding a record here, a policy rule and an executor branch, all reviewed. {@link
 * AlertSilence} actions change Alertmanager rather than the cluster. {@link McpToolCall} is the one
 * open-ended kind: a tool of an MCP server, which the policy must name explicitly ({@code
 * mcp:<server>/<tool>}). {@link Operation}s (roll back, delete a pod, node actions, CronJob
 * suspension, re-run, clean-up) are covered only by rules that name them.
 */
public sealed interface Action
    permits RestartDeployment, ScaleWorkload, AlertSilence, McpToolCall, Operation {
  String cluster();

  String namespace();

  /** The name of the object the action changes (a workload, pod, node, job or cronjob). */
  String name();

  /**
   * The action kind as policies name it: {@code restart}, {@code scale}, {@code silence}, an {@link
   * Operation}'s kind ({@code rollback}, {@code drain}, …) or {@code mcp:<server>/<tool>}.
   */
  String kind();

  /** One line a human can approve, e.g. "restart deployment staging/checkout". */
  String describe();
}
