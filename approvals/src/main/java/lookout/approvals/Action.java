package lookout.approvals;

/**
 * A write the bot may perform, and the only way it performs one. Sealed: adding a kind of action
 * means adding a record here, a policy rule and an executor branch, all reviewed. {@link
 * McpToolCall} is the one open-ended kind: a tool of an MCP server, which the policy must name
 * explicitly ({@code mcp:<server>/<tool>}).
 */
public sealed interface Action permits RestartDeployment, ScaleWorkload, McpToolCall {
  String cluster();

  String namespace();

  /** The name of the object the action changes (a deployment or statefulset). */
  String name();

  /**
   * The action kind as policies name it: {@code restart}, {@code scale} or {@code
   * mcp:<server>/<tool>}.
   */
  String kind();

  /** One line a human can approve, e.g. "restart deployment staging/checkout". */
  String describe();
}
