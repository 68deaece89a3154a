package lookout.agent.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.agent.tools.Budget;
import lookout.agent.tools.Proposals;
import lookout.agent.tools.ToolSource;
import lookout.approvals.McpToolCall;

/**
 * The allowed tools of the connected MCP servers as tools of the LLM agent, named {@code
 * <server>__<tool>}. A read-only server's tools run at once, their text cut to the tool budget (the
 * toolbox redacts it). Any other server's tool never runs here: the call becomes a proposal ({@link
 * McpToolCall}) that a person must request and an approver approve.
 */
public final class McpToolSource implements ToolSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NARROW =
      "the tool's own arguments (namespace, label selector, limit)";
  private static final String PENDING =
      " — PROPOSED only: a person must press the button and an approver must approve; nothing was"
          + " executed.";

  private final String cluster;
  private final List<McpConnection> servers;

  /**
   * @param cluster the cluster questions are about; proposals name it for the policy
   */
  public McpToolSource(String cluster, List<McpConnection> servers) {
    this.cluster = cluster;
    this.servers = List.copyOf(servers);
  }

  @Override
  public List<ToolSpecification> specifications() {
    List<ToolSpecification> specs = new ArrayList<>();
    for (McpConnection server : servers) {
      for (McpSchema.Tool tool : server.tools()) {
        specs.add(
            ToolSpecification.builder()
                .name(exposedName(server.config().name(), tool.name()))
                .description(describe(server.config(), tool))
                .parameters(ToolSchemas.parameters(tool.inputSchema()))
                .build());
      }
    }
    return specs;
  }

  @Override
  public String execute(String name, String arguments, Proposals proposals) {
    Optional<Target> target = find(name);
    if (target.isEmpty()) {
      return "ERROR: there is no tool named " + name + " (its MCP server may have gone down)";
    }
    McpConnection server = target.get().server();
    String tool = target.get().tool();
    JsonNode args;
    try {
      args = JSON.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments);
    } catch (JsonProcessingException e) {
      return "ERROR: arguments of " + name + " are not JSON: " + e.getOriginalMessage();
    }
    if (args == null || !args.isObject()) {
      return "ERROR: arguments of " + name + " must be a JSON object";
    }
    if (!server.config().readOnly()) {
      return propose(server.config().name(), tool, args, proposals);
    }
    try {
      McpSchema.CallToolResult result = server.call(tool, JSON.convertValue(args, MAP));
      String text = McpResults.text(result);
      return Boolean.TRUE.equals(result.isError())
          ? "ERROR: " + name + ": " + Budget.cut(text, Budget.DEFAULT_BYTES, NARROW)
          : Budget.cut(text, Budget.DEFAULT_BYTES, NARROW);
    } catch (McpError e) {
      return "ERROR: " + name + " refused: " + e.getMessage();
    } catch (IllegalStateException e) {
      return "ERROR: " + e.getMessage();
    }
  }

  @Override
  public List<String> unavailable() {
    List<String> out = new ArrayList<>();
    for (McpConnection server : servers) {
      server
          .down()
          .ifPresent(
              why ->
                  out.add(
                      "MCP server " + server.config().name() + " is unavailable (" + why + ")"));
    }
    return out;
  }

  private String propose(String server, String tool, JsonNode args, Proposals proposals) {
    String namespace = text(args, "namespace").orElse(McpToolCall.NO_NAMESPACE);
    String target = text(args, "name").orElse(tool);
    McpToolCall call;
    try {
      call = new McpToolCall(cluster, namespace, target, server, tool, args.toString());
    } catch (IllegalArgumentException e) {
      return "REFUSED: " + e.getMessage();
    }
    return proposals.add(call)
        ? "APPROVAL_REQUIRED: " + call.describe() + PENDING
        : "REFUSED: at most " + Proposals.MAX + " proposals per answer";
  }

  private record Target(McpConnection server, String tool) {}

  private Optional<Target> find(String exposed) {
    for (McpConnection server : servers) {
      for (McpSchema.Tool tool : server.tools()) {
        if (exposedName(server.config().name(), tool.name()).equals(exposed)) {
          return Optional.of(new Target(server, tool.name()));
        }
      }
    }
    return Optional.empty();
  }

  /** {@code <server>__<tool>} in the characters and length model APIs accept for tool names. */
  static String exposedName(String server, String tool) {
    String name = (server + "__" + tool).replaceAll("[^A-Za-z0-9_-]", "_");
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  private static String describe(McpServerConfig server, McpSchema.Tool tool) {
    String what = tool.description() == null ? tool.name() : tool.description().strip();
    if (what.length() > 600) {
      what = what.substring(0, 600) + "…";
    }
    return server.readOnly()
        ? "[MCP server " + server.name() + ", read-only] " + what
        : "[MCP server "
            + server.name()
            + " — needs approval: calling this only proposes it; nothing runs] "
            + what;
  }

  private static Optional<String> text(JsonNode args, String field) {
    JsonNode v = args.get(field);
    return v != null && v.isTextual() && !v.textValue().isBlank()
        ? Optional.of(v.textValue())
        : Optional.empty();
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};
}
