package lookout.bot.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.agent.tools.ActionService;
import lookout.agent.tools.Proposals;
import lookout.approvals.Action;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.Approvals;
import lookout.approvals.PolicyException;
import lookout.bot.alerts.Destination;
import lookout.bot.conversation.Conversations;

/**
 * Restart and scale requests from MCP clients. The target is checked like a model's proposal
 * ({@link ActionService}), then the request goes through approvals under the identity {@code
 * mcp:<client>} — policy, circuit breaker and dry run apply — and its card is posted into the
 * approval channel. Nothing runs until an approver presses Approve in chat.
 */
final class McpRequests {
  private final ActionService actions;
  private final Conversations conversations;
  private final Approvals approvals;
  private final Destination cardsTo;

  McpRequests(
      ActionService actions,
      Conversations conversations,
      Approvals approvals,
      Destination cardsTo) {
    this.actions = actions;
    this.conversations = conversations;
    this.approvals = approvals;
    this.cardsTo = cardsTo;
  }

  /** The policy identity of an MCP client. */
  static String requester(String client) {
    return "mcp:" + client;
  }

  McpSchema.CallToolResult restart(String client, String namespace, String name) {
    Proposals checked = new Proposals();
    String outcome = actions.proposeRestart(namespace, name, checked);
    return request(client, checked, outcome);
  }

  McpSchema.CallToolResult scale(String client, String namespace, String name, int replicas) {
    Proposals checked = new Proposals();
    String outcome = actions.proposeScale(namespace, name, replicas, checked);
    return request(client, checked, outcome);
  }

  private McpSchema.CallToolResult request(String client, Proposals checked, String outcome) {
    if (checked.actions().isEmpty()) {
      return error(outcome); // NOT_FOUND, REFUSED, NO_CHANGE, AMBIGUOUS: said as the model hears it
    }
    Action action = checked.actions().get(0);
    ApprovalRequest request;
    try {
      request = conversations.requestInto(action, requester(client), cardsTo.conversation());
    } catch (PolicyException e) {
      return error("REFUSED: " + e.getMessage());
    }
    return result(
        "Approval requested: "
            + request.action().describe()
            + " — request "
            + request.id()
            + " is "
            + request.state()
            + "; its card is in "
            + cardsTo
            + " and nothing runs until an approver approves it there. Call get_request with this"
            + " id for its state.",
        request);
  }

  McpSchema.CallToolResult get(String id) {
    Optional<ApprovalRequest> found = approvals.find(id);
    if (found.isEmpty()) {
      return error("NOT_FOUND: no approval request " + id);
    }
    ApprovalRequest r = found.get();
    return result(
        "Request "
            + r.id()
            + " ("
            + r.action().describe()
            + ") is "
            + r.state()
            + (r.result() == null ? "" : ": " + r.result()),
        r);
  }

  private static McpSchema.CallToolResult result(String text, ApprovalRequest r) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", r.id());
    s.put("state", r.state().name());
    s.put("action", r.action().describe());
    s.put("requester", r.requester());
    s.put("approvals", r.approvals());
    s.put("requiredApprovals", r.requiredApprovals());
    s.put("expiresAt", r.expiresAt().toString());
    if (r.result() != null) {
      s.put("result", r.result());
    }
    return McpSchema.CallToolResult.builder()
        .content(List.of(McpSchema.TextContent.builder(text).build()))
        .structuredContent(s)
        .isError(false)
        .build();
  }

  private static McpSchema.CallToolResult error(String text) {
    return McpSchema.CallToolResult.builder()
        .content(List.of(McpSchema.TextContent.builder(text).build()))
        .isError(true)
        .build();
  }
}
