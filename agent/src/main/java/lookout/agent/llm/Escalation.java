package lookout.agent.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lookout.agent.tools.Toolbox;

/**
 * How the model asks for the tools on a question's first round trip. That round trip offers one
 * tool without parameters instead of all schemas (about 40 tokens instead of 1,300), so a question
 * the diagnosis answers costs the brief prompt, the question and the diagnosis, and nothing more.
 */
final class Escalation {
  static final String NAME = "tools";

  static final ToolSpecification TOOLS =
      ToolSpecification.builder()
          .name(NAME)
          .description(
              "Lookout's cluster tools: logs, events, metrics, runbooks, restart/scale proposals.")
          .build();

  private Escalation() {}

  /**
   * The calls of {@code ai} that name a tool of the full set: a model that knows the names (from an
   * earlier answer, or a guess that happens to be right) need not wait one more round trip.
   */
  static List<ToolExecutionRequest> named(AiMessage ai, Toolbox toolbox) {
    Set<String> names =
        toolbox.specifications().stream().map(ToolSpecification::name).collect(Collectors.toSet());
    return ai.toolExecutionRequests().stream().filter(r -> names.contains(r.name())).toList();
  }
}
