package lookout.bot.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lookout.adapters.chat.Message;
import lookout.adapters.text.PlainText;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.approvals.Action;

/**
 * Questions an MCP client asks through a tool, answered by the same agent and rendered the same way
 * as in chat (the agent redacts). The text is what chat shows; the structured content carries the
 * answer's parts for programs.
 */
final class McpAnswers {
  private final Agent agent;
  private final Function<Answer, Message> render;

  McpAnswers(Agent agent, Function<Answer, Message> render) {
    this.agent = agent;
    this.render = render;
  }

  McpSchema.CallToolResult diagnose(String client, String namespace, String name) {
    String question =
        namespace == null
            ? "why is " + name + " failing"
            : "why is " + name + " failing in " + namespace;
    return answer(client, question);
  }

  McpSchema.CallToolResult audit(String client, String filter) {
    if (filter != null && !filter.matches("[A-Za-z0-9:_.@-]{1,100}")) {
      throw ToolArgs.invalid(
          "audit", "argument 'filter' must be today, a user id or a namespace, got " + filter);
    }
    return answer(client, filter == null ? "audit" : "audit " + filter);
  }

  private McpSchema.CallToolResult answer(String client, String question) {
    Answer answer = agent.ask(new Question(question, McpRequests.requester(client)));
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("summary", answer.summary());
    structured.put(
        "sections",
        answer.sections().stream()
            .map(s -> Map.of("heading", s.heading(), "lines", s.lines()))
            .toList());
    structured.put(
        "suggestedActions", answer.suggestions().stream().map(Action::describe).toList());
    structured.put("degraded", answer.degraded());
    return McpSchema.CallToolResult.builder()
        .content(
            List.of(McpSchema.TextContent.builder(PlainText.render(render.apply(answer))).build()))
        .structuredContent(structured)
        .isError(false)
        .build();
  }
}
