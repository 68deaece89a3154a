package lookout.bot.mcp;

import static lookout.bot.mcp.ToolArgs.optional;
import static lookout.bot.mcp.ToolArgs.required;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import lookout.agent.redact.Redactor;
import lookout.agent.tools.ClusterTools;
import lookout.agent.tools.KnowledgeTools;
import lookout.bot.mcp.ToolArgs.Type;

/**
 * The tools Lookout offers MCP clients. Reads answer from the same services as chat, redacted; the
 * only writes are requests for approval ({@link McpRequests}), which run nothing.
 */
final class LookoutTools {
  private static final String NS = "Kubernetes namespace";

  private final McpAnswers answers;
  private final ClusterTools cluster;
  private final KnowledgeTools knowledge;
  private final McpRequests requests;

  LookoutTools(
      McpAnswers answers, ClusterTools cluster, KnowledgeTools knowledge, McpRequests requests) {
    this.answers = answers;
    this.cluster = cluster;
    this.knowledge = knowledge;
    this.requests = requests;
  }

  List<SyncToolSpecification> all() {
    List<SyncToolSpecification> tools = new ArrayList<>();
    tools.add(
        tool(
            "diagnose",
            "Why a workload or pod is failing: the same answer Lookout gives in chat (cause,"
                + " evidence, runbook, suggested actions).",
            ToolArgs.of(
                optional("namespace", Type.KUBE_NAME, NS),
                required("name", Type.KUBE_NAME, "workload or pod name")),
            (client, a) ->
                answers.diagnose(client, a.text("namespace").orElse(null), a.need("name"))));
    tools.add(
        tool(
            "problem_pods",
            "Pods with problems found by Lookout's analyzers, worst first.",
            ToolArgs.of(optional("namespace", Type.KUBE_NAME, NS)),
            (client, a) -> text(cluster.problemPods(a.text("namespace").orElse(null)))));
    tools.add(
        tool(
            "logs",
            "Log lines of a pod (or a workload's worst pod), error lines first, within a budget.",
            ToolArgs.of(
                optional("namespace", Type.KUBE_NAME, NS),
                required("pod", Type.KUBE_NAME, "pod name, or a workload name for its worst pod"),
                optional("container", Type.KUBE_NAME, "container name"),
                optional("previous", Type.BOOLEAN, "true for the previous (crashed) instance"),
                optional("errorsOnly", Type.BOOLEAN, "true for error lines only")),
            (client, a) ->
                text(
                    cluster.logs(
                        a.text("namespace").orElse(null),
                        a.need("pod"),
                        a.text("container").orElse(null),
                        a.bool("previous").orElse(null),
                        a.bool("errorsOnly").orElse(null)))));
    tools.add(
        tool(
            "events",
            "Recent events of a namespace, or of objects whose name starts with name.",
            ToolArgs.of(
                required("namespace", Type.KUBE_NAME, NS),
                optional("name", Type.KUBE_NAME, "object name or name prefix")),
            (client, a) -> text(cluster.events(a.need("namespace"), a.text("name").orElse(null)))));
    tools.add(
        tool(
            "search_knowledge",
            "Search Lookout's runbooks and past incidents.",
            ToolArgs.of(required("query", Type.TEXT, "search words")),
            (client, a) -> text(knowledge.search(a.need("query")))));
    tools.add(
        tool(
            "audit",
            "The approvals audit trail: all recent, 'today', one user's (platform:id) or one"
                + " namespace's.",
            ToolArgs.of(
                optional(
                    "filter", Type.TEXT, "today, a user id such as slack:U0123, or a namespace")),
            (client, a) -> answers.audit(client, a.text("filter").orElse(null))));
    tools.add(
        tool(
            "request_restart",
            "Ask for a rolling restart of a deployment. Creates an approval request and posts its"
                + " card to the approvers; nothing runs until a person approves it in chat.",
            ToolArgs.of(
                required("namespace", Type.KUBE_NAME, NS),
                required("name", Type.KUBE_NAME, "deployment name")),
            (client, a) -> requests.restart(client, a.need("namespace"), a.need("name"))));
    tools.add(
        tool(
            "request_scale",
            "Ask to scale a deployment or statefulset to N replicas. Creates an approval request and"
                + " posts its card to the approvers; nothing runs until a person approves it.",
            ToolArgs.of(
                required("namespace", Type.KUBE_NAME, NS),
                required("name", Type.KUBE_NAME, "workload name"),
                required("replicas", Type.INTEGER, "desired replicas")),
            (client, a) ->
                requests.scale(
                    client,
                    a.need("namespace"),
                    a.need("name"),
                    a.integer("replicas").orElseThrow())));
    tools.add(
        tool(
            "get_request",
            "The state of an approval request: PENDING, APPROVED, EXECUTING, SUCCEEDED, FAILED,"
                + " REJECTED, EXPIRED or DRIFTED, with its result.",
            ToolArgs.of(
                required("id", Type.TEXT, "the request id request_restart/request_scale returned")),
            (client, a) -> requests.get(a.need("id"))));
    return tools;
  }

  private static SyncToolSpecification tool(
      String name,
      String description,
      ToolArgs args,
      BiFunction<String, ToolArgs.Values, McpSchema.CallToolResult> handler) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder(name, args.schema()).description(description).build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (McpSyncServerExchange exchange, McpSchema.CallToolRequest call) ->
                handler.apply(client(exchange), args.read(name, call.arguments())))
        .build();
  }

  /** The verified client name the transport put into the context ({@link McpRoutes}). */
  private static String client(McpSyncServerExchange exchange) {
    Object client = exchange.transportContext().get(McpSessions.CLIENT);
    if (!(client instanceof String name)) {
      throw new IllegalStateException("no authenticated MCP client on this call");
    }
    return name;
  }

  static McpSchema.CallToolResult text(String text) {
    String redacted = Redactor.redact(text);
    return McpSchema.CallToolResult.builder()
        .content(List.of(McpSchema.TextContent.builder(redacted).build()))
        .isError(redacted.startsWith("ERROR") || redacted.startsWith("NOT_FOUND"))
        .build();
  }
}
