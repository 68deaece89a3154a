package lookout.approvals;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A call of a tool on an MCP server that the operator did not declare read-only. Lookout never runs
 * such a call on a model's or an MCP client's say-so: it exists only as a request an approver
 * approves, like a restart. The policy names it {@code mcp:<server>/<tool>} (globs allowed).
 *
 * @param cluster the cluster the question was about (what policy rules' {@code clusters} select)
 * @param namespace the call's {@code namespace} argument, or {@code -} when it has none
 * @param name the call's {@code name} argument, or the tool's name when it has none
 * @param server the configured MCP server's name
 * @param tool the tool's name on that server
 * @param arguments the call's arguments as one compact JSON object, exactly as they will be sent
 */
public record McpToolCall(
    String cluster, String namespace, String name, String server, String tool, String arguments)
    implements Action {
  /** What a card can show in full and a proposal token can carry. */
  public static final int MAX_ARGUMENTS = 1_000;

  /** No namespace: a cluster-wide or non-Kubernetes call. Policy globs like {@code *} match it. */
  public static final String NO_NAMESPACE = "-";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public McpToolCall {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
    if (server == null || !NAME.matcher(server).matches()) {
      throw new IllegalArgumentException(
          "MCP server name \"" + server + "\" — expected 1-64 letters, digits, '_', '.', '-'");
    }
    if (tool == null || !NAME.matcher(tool).matches()) {
      throw new IllegalArgumentException(
          "MCP tool name \"" + tool + "\" — expected 1-64 letters, digits, '_', '.', '-'");
    }
    if (!arguments.startsWith("{") || !arguments.endsWith("}")) {
      throw new IllegalArgumentException("MCP tool arguments must be one JSON object");
    }
    if (arguments.length() > MAX_ARGUMENTS) {
      throw new IllegalArgumentException(
          "MCP tool arguments are "
              + arguments.length()
              + " characters — at most "
              + MAX_ARGUMENTS
              + " can be shown to an approver");
    }
  }

  /** The policy's name for calls of this tool: {@code mcp:<server>/<tool>}. */
  @Override
  public String kind() {
    return "mcp:" + server + "/" + tool;
  }

  @Override
  public String describe() {
    return "call MCP tool " + server + "/" + tool + " " + arguments;
  }
}
