package lookout.agent.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Optional;
import lookout.agent.cluster.Capped;
import lookout.agent.redact.Redactor;
import lookout.approvals.Action;
import lookout.approvals.ActionExecutor;
import lookout.approvals.DryRun;
import lookout.approvals.McpToolCall;
import lookout.approvals.TargetSnapshot;

/**
 * Runs an approved {@link McpToolCall} once, with exactly the arguments the approvers saw. MCP has
 * no dry run: before a request is made, the server must be up and still offer the tool on its
 * allowlist, which is what the "dry run" checks. There is no target snapshot, so no drift check.
 */
public final class McpActionExecutor implements ActionExecutor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, McpConnection> servers;

  public McpActionExecutor(Map<String, McpConnection> servers) {
    this.servers = Map.copyOf(servers);
  }

  @Override
  public DryRun dryRun(Action action) {
    McpToolCall call = mcp(action);
    McpConnection server = server(call);
    server
        .down()
        .ifPresent(
            why -> {
              throw new IllegalStateException("MCP server " + call.server() + " is down: " + why);
            });
    if (server.tools().stream().noneMatch(t -> t.name().equals(call.tool()))) {
      throw new IllegalStateException(
          "MCP server " + call.server() + " does not offer an allowed tool " + call.tool());
    }
    return new DryRun(
        "calls " + call.tool() + " on MCP server " + call.server() + " (MCP has no dry run)", null);
  }

  @Override
  public Optional<TargetSnapshot> current(Action action) {
    return Optional.empty(); // nothing to compare: the request holds no snapshot
  }

  @Override
  public String execute(Action action) {
    McpToolCall call = mcp(action);
    Map<String, Object> arguments;
    try {
      arguments = JSON.readValue(call.arguments(), new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "stored arguments are not JSON: " + e.getOriginalMessage());
    }
    McpSchema.CallToolResult result = server(call).call(call.tool(), arguments);
    String text = Capped.line(Redactor.redact(McpResults.text(result).replace('\n', ' ')));
    if (Boolean.TRUE.equals(result.isError())) {
      throw new IllegalStateException(call.server() + "/" + call.tool() + " failed: " + text);
    }
    return "called " + call.server() + "/" + call.tool() + ": " + text;
  }

  private McpConnection server(McpToolCall call) {
    McpConnection server = servers.get(call.server());
    if (server == null) {
      throw new IllegalArgumentException("no MCP server named " + call.server() + " is configured");
    }
    return server;
  }

  private static McpToolCall mcp(Action action) {
    if (action instanceof McpToolCall call) {
      return call;
    }
    throw new IllegalArgumentException("not an MCP tool call: " + action.describe());
  }
}
